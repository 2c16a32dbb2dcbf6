package id.oss.livechat.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.support.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What an image says about where and by whom it was taken is gone; the picture is untouched. */
class ImageMetadataTest {

    @Test
    void aJpegLosesItsExifAndKeepsItsPicture() throws Exception {
        byte[] photo = TestFiles.jpegWithGps(20, 10);

        byte[] stripped = ImageMetadata.strip("image/jpeg", photo);

        assertThat(TestFiles.contains(stripped, ascii("Exif"))).isFalse();
        assertThat(TestFiles.contains(stripped, TestFiles.gpsSecondsBytes())).isFalse();
        assertThat(stripped).isEqualTo(TestFiles.jpeg(20, 10));
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(20);
    }

    @Test
    void aPngLosesItsTextAndExifChunksAndKeepsItsPicture() throws Exception {
        byte[] plain = TestFiles.png(12, 6);
        byte[] tagged =
                insertAfterHeader(
                        plain,
                        pngChunk("tEXt", ascii("Author\0Siti, Jl. Merdeka 1")),
                        pngChunk("eXIf", ascii("MM\0*GPS-6.1701")));

        byte[] stripped = ImageMetadata.strip("image/png", tagged);

        assertThat(TestFiles.contains(stripped, ascii("Merdeka"))).isFalse();
        assertThat(TestFiles.contains(stripped, ascii("GPS-6.1701"))).isFalse();
        assertThat(stripped).isEqualTo(plain);
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getHeight()).isEqualTo(6);
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndTheirFlags() {
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP and alpha
        byte[] picture = {1, 2, 3, 4, 5};
        byte[] webp =
                riff(
                        webpChunk("VP8X", vp8x),
                        webpChunk("VP8L", picture),
                        webpChunk("EXIF", ascii("MM\0*GPS-6.1701")),
                        webpChunk("XMP ", ascii("<x:xmpmeta>Siti</x:xmpmeta>")));

        byte[] stripped = ImageMetadata.strip("image/webp", webp);

        byte[] vp8xWithoutFlags = vp8x.clone();
        vp8xWithoutFlags[0] = 0x10;
        assertThat(stripped)
                .isEqualTo(riff(webpChunk("VP8X", vp8xWithoutFlags), webpChunk("VP8L", picture)));
    }

    @Test
    void anImageWhoseStructureCannotBeWalkedIsRefused() {
        byte[] truncated = Arrays.copyOf(TestFiles.jpegWithGps(20, 10), 30);
        assertThatThrownBy(() -> ImageMetadata.strip("image/jpeg", truncated))
                .isInstanceOf(Problem.class);
        byte[] png = TestFiles.png(4, 4);
        assertThatThrownBy(
                        () -> ImageMetadata.strip("image/png", Arrays.copyOf(png, png.length - 3)))
                .isInstanceOf(Problem.class);
    }

    @Test
    void aPdfIsLeftAsItIs() {
        byte[] pdf = TestFiles.pdf();
        assertThat(ImageMetadata.strip("application/pdf", pdf)).isSameAs(pdf);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(ascii(type)).put(data);
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** The chunks right after the signature and IHDR (8 + 25 bytes). */
    private static byte[] insertAfterHeader(byte[] png, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (byte[] chunk : chunks) {
            out.write(chunk, 0, chunk.length);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static byte[] webpChunk(String type, byte[] data) {
        int padded = data.length + (data.length % 2);
        ByteBuffer chunk = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(ascii(type)).putInt(data.length).put(data);
        return chunk.array();
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ascii("WEBP"), 0, 4);
        for (byte[] chunk : chunks) {
            body.write(chunk, 0, chunk.length);
        }
        ByteBuffer riff = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        riff.put(ascii("RIFF")).putInt(body.size()).put(body.toByteArray());
        return riff.array();
    }
}
