package id.oss.livechat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkTextTest {

    @Test
    void httpAndHttpsLinksAreCutOutAndTheTextAroundStaysAsTyped() {
        assertThat(
                        LinkText.split(
                                "Lihat https://oss.go.id/panduan. Atau http://x.id/a?b=1&c=2, ya"))
                .containsExactly(
                        new LinkText.Part("Lihat ", null),
                        new LinkText.Part(
                                "https://oss.go.id/panduan",
                                URI.create("https://oss.go.id/panduan")),
                        new LinkText.Part(". Atau ", null),
                        new LinkText.Part(
                                "http://x.id/a?b=1&c=2", URI.create("http://x.id/a?b=1&c=2")),
                        new LinkText.Part(", ya", null));
    }

    @Test
    void nothingElseBecomesALink() {
        String text =
                "javascript:alert(1) file:///etc/passwd oss.go.id mailto:a@b.id <b>https</b> https:// x";
        assertThat(LinkText.split(text)).containsExactly(new LinkText.Part(text, null));
    }

    @Test
    void aBracketThatBelongsToTheLinkStaysAndOneAroundItDoesNot() {
        assertThat(LinkText.split("(lihat https://id.wikipedia.org/wiki/NIB_(Indonesia))"))
                .extracting(LinkText.Part::text)
                .containsExactly("(lihat ", "https://id.wikipedia.org/wiki/NIB_(Indonesia)", ")");
    }
}
