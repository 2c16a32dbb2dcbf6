package id.oss.livechat.server.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;

/** Files a visitor might send, made on the spot: real images, a PDF, and files a chat refuses. */
public final class TestFiles {
    /** The seconds of latitude written into {@link #jpegWithGps()}: 12.34567″ as 1234567/100000. */
    public static final int GPS_SECONDS_NUMERATOR = 1_234_567;

    private TestFiles() {}

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpg");
    }

    /** A photo as a phone takes it: a JPEG whose EXIF says where (a GPS latitude in Jakarta). */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] plain = jpeg(width, height);
        byte[] exif = exifWithGpsLatitude();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                        + "trailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A Windows program: the DOS stub's MZ, and a PE header where it points. */
    public static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        return exe;
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
                        + " height=\"10\"><script>alert(1)</script><rect width=\"10\""
                        + " height=\"10\"/></svg>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(1)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart body with one part {@code file}, as a browser's form sends it. */
    public static MultiValueMap<String, org.springframework.http.HttpEntity<?>> form(
            String name, byte[] content, MediaType claimed) {
        MultipartBodyBuilder builder = new MultipartBodyBuilder();
        builder.part(
                        "file",
                        new ByteArrayResource(content) {
                            @Override
                            public String getFilename() {
                                return name;
                            }
                        })
                .contentType(claimed);
        return builder.build();
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static byte[] gpsSecondsBytes() {
        return ByteBuffer.allocate(4).putInt(GPS_SECONDS_NUMERATOR).array();
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1E, 0x6F, 0xB8));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "Exif\0\0" and a big-endian TIFF: IFD0 with one entry, the GPS IFD's offset; the GPS IFD with
     * the latitude's reference (S) and the latitude itself (6° 10′ 12.34567″).
     */
    private static byte[] exifWithGpsLatitude() {
        ByteBuffer tiff = ByteBuffer.allocate(80);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry (GPSInfo, LONG, 1, offset 26), no next IFD
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        // GPS IFD at 26: two entries, then the latitude's three rationals at 56
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'S', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(6).putInt(1).putInt(10).putInt(1).putInt(GPS_SECONDS_NUMERATOR).putInt(100_000);
        byte[] body = Arrays.copyOf(tiff.array(), tiff.position());
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] exif = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, exif, header.length, body.length);
        return exif;
    }
}
