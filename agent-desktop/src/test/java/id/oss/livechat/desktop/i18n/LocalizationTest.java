package id.oss.livechat.desktop.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LocalizationTest {
    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                LocalizationTest.class.getResourceAsStream(
                        "/id/oss/livechat/desktop/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void indonesianAndEnglishHaveTheSameTexts() throws IOException {
        assertThat(bundle("messages_en").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages").stringPropertyNames());
    }

    @Test
    void switchingTheLanguageChangesTheTexts() {
        Localization i18n = new Localization(AppLanguage.INDONESIAN);
        assertThat(i18n.text("queue.take")).isEqualTo("Ambil");

        i18n.setLanguage(AppLanguage.ENGLISH);

        assertThat(i18n.text("queue.take")).isEqualTo("Take");
        assertThat(i18n.languageProperty().get()).isEqualTo(AppLanguage.ENGLISH);
    }

    @Test
    void numbersAreNotGroupedAndArgumentsAreFilledIn() {
        Localization i18n = new Localization(AppLanguage.INDONESIAN);

        assertThat(i18n.text("chat.composer.tooLong", 4123, 4000))
                .isEqualTo("Pesan terlalu panjang: 4123 dari maksimal 4000 karakter.");
    }

    @Test
    void aMissingTextShowsItsKeyInsteadOfFailing() {
        assertThat(new Localization(AppLanguage.ENGLISH).text("no.such.key"))
                .isEqualTo("no.such.key");
    }

    @Test
    void anUnknownStoredLanguageFallsBackToIndonesian() {
        assertThat(AppLanguage.fromTag("fr")).isEqualTo(AppLanguage.INDONESIAN);
        assertThat(AppLanguage.fromTag("en")).isEqualTo(AppLanguage.ENGLISH);
    }
}
