package id.oss.livechat.desktop.login;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a server speaks our contract: same major and minor version (0.1.x with 0.1.y). Patch
 * versions only fix things; a new minor version may change what the desktop relies on.
 */
final class VersionCheck {
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    private VersionCheck() {}

    static boolean compatible(String desktop, String server) {
        String ours = majorMinor(desktop);
        return ours != null && ours.equals(majorMinor(server));
    }

    static String majorMinor(String version) {
        if (version == null) {
            return null;
        }
        Matcher matcher = MAJOR_MINOR.matcher(version.strip());
        return matcher.find() ? matcher.group(1) + "." + matcher.group(2) : null;
    }
}
