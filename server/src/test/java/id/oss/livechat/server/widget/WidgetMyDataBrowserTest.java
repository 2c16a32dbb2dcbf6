package id.oss.livechat.server.widget;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Unduh data saya" in the widget's history: a logged-in OSS user downloads a JSON file that holds
 * its chats; an anonymous visitor (no proof of who it is) is not offered the download.
 */
class WidgetMyDataBrowserTest extends ServerTest {
    private static final WidgetBrowser.Shared chromium = new WidgetBrowser.Shared();
    @TempDir Path downloads;

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    @Test
    void aLoggedInUserDownloadsItsChatsAsJsonFromTheHistory() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ossUser = "WIDGET-" + tag;
        String message = "Pertanyaan saya tentang NIB " + tag;
        WidgetBrowser b = chromium.newVisitorOnThePortal(port).downloadsInto(downloads);
        b.startChat("Sari Wulandari", "sari-" + tag + "@contoh.co.id", message);
        b.waitFor(d -> b.present(".msg-visitor"));

        // anonymous: the history has no download
        b.click("[data-action=history]");
        b.waitFor(d -> b.present(".history-item"));
        assertThat(b.present("[data-action=my-data]")).isFalse();

        // the portal says who is logged in; the browser's chat moves to the account
        b.js(
                "return window.OSSLiveChat.identify({oss_user_id: arguments[0], identity_hash:"
                        + " arguments[1]})",
                ossUser,
                identityHash(ossUser));
        b.waitFor(
                d ->
                        count(
                                        "SELECT count(*) FROM chat_sessions s JOIN chat_users u ON u.id = s.chat_user_id"
                                                + " WHERE u.oss_user_id = '"
                                                + ossUser
                                                + "'")
                                == 1);
        b.click("[data-action=back]");
        b.click("[data-action=history]");
        assertThat(b.text("[data-action=my-data]")).isEqualTo("Unduh data saya");
        b.screenshot("widget-my-data");
        b.click("[data-action=my-data]");

        Path file = b.waitFor(d -> downloaded());
        Map<?, ?> copy = JsonMapper.builder().build().readValue(file.toFile(), Map.class);
        assertThat(copy.get("oss_user_id")).isEqualTo(ossUser);
        List<?> chats = (List<?>) copy.get("chats");
        assertThat(chats).hasSize(1);
        List<?> messages = (List<?>) ((Map<?, ?>) chats.get(0)).get("messages");
        assertThat(messages)
                .anySatisfy(m -> assertThat(((Map<?, ?>) m).get("text")).isEqualTo(message));
        assertThat(((Map<?, ?>) ((Map<?, ?>) chats.get(0)).get("contact")).get("email"))
                .isEqualTo("sari-" + tag + "@contoh.co.id");
    }

    /** The finished JSON file in the download directory, or null while there is none. */
    private Path downloaded() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
