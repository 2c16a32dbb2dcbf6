package id.oss.livechat.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name a file is shown and downloaded under. */
class FileNameTest {

    @Test
    void folderPartsAndControlCharactersAreDropped() {
        assertThat(FileName.clean("C:\\Users\\siti\\Desktop\\izin.pdf", "application/pdf"))
                .isEqualTo("izin.pdf");
        assertThat(FileName.clean("../../etc/surat\r\n.pdf", "application/pdf"))
                .isEqualTo("surat.pdf");
    }

    @Test
    void aNameThatLiesAboutTheTypeGetsTheRealExtension() {
        assertThat(FileName.clean("surat.pdf", "image/png")).isEqualTo("surat.pdf.png");
        assertThat(FileName.clean("FOTO.JPEG", "image/jpeg")).isEqualTo("FOTO.JPEG");
    }

    @Test
    void noNameOrALongOneIsMadeUsable() {
        assertThat(FileName.clean(null, "image/webp")).isEqualTo("lampiran.webp");
        assertThat(FileName.clean("  ", "application/pdf")).isEqualTo("lampiran.pdf");
        String longName = "a".repeat(400) + ".pdf";
        assertThat(FileName.clean(longName, "application/pdf"))
                .hasSize(FileName.MAX_LENGTH)
                .endsWith(".pdf");
    }
}
