package id.oss.livechat.desktop.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The desktop's own version, written into {@code desktop.properties} by the build. */
public final class AppVersion {
    private AppVersion() {}

    public static String current() {
        Properties properties = new Properties();
        try (InputStream in =
                AppVersion.class.getResourceAsStream(
                        "/id/oss/livechat/desktop/desktop.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": the login's version check then refuses to guess
        }
        return properties.getProperty("version", "unknown");
    }
}
