package id.oss.livechat.server.attachment;

import id.oss.livechat.server.common.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Takes out what an image says about where and by whom it was taken (EXIF with its GPS position,
 * XMP, IPTC, comments and text chunks), without decoding or re-encoding the picture: the segments
 * and chunks that carry it are left out and everything else is copied byte for byte. JPEG: APP1
 * (EXIF, XMP), APP3 to APP13 and APP15, COM; kept are APP0 (JFIF), APP2 (the colour profile) and
 * APP14 (Adobe colour transform), which the picture needs. PNG: eXIf, tEXt, zTXt, iTXt, tIME. WebP:
 * the EXIF and XMP chunks, and their flags in VP8X. An image whose structure cannot be walked is
 * refused rather than passed on with its metadata.
 */
public final class ImageMetadata {
    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
    };
    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");
    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    private ImageMetadata() {}

    /** The image without its metadata; any other type of file unchanged. */
    public static byte[] strip(String contentType, byte[] content) {
        return switch (contentType) {
            case "image/jpeg" -> jpeg(content);
            case "image/png" -> png(content);
            case "image/webp" -> webp(content);
            default -> content;
        };
    }

    static byte[] jpeg(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw unreadable();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2);
        int i = 2;
        while (true) {
            if (i + 2 > b.length || (b[i] & 0xFF) != 0xFF) {
                throw unreadable();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                // a fill byte before a marker
                i++;
                continue;
            }
            if (marker == 0xDA) {
                // start of scan: the picture itself and the end, copied as they are
                out.write(b, i, b.length - i);
                return out.toByteArray();
            }
            if (marker == 0xD9) {
                out.write(b, i, 2);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(b, i, 2);
                i += 2;
                continue;
            }
            if (i + 4 > b.length) {
                throw unreadable();
            }
            int end = i + 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
            if (end > b.length) {
                throw unreadable();
            }
            if (!isJpegMetadata(marker)) {
                out.write(b, i, end - i);
            }
            i = end;
        }
    }

    private static boolean isJpegMetadata(int marker) {
        boolean app = marker >= 0xE0 && marker <= 0xEF;
        return marker == 0xFE || (app && marker != 0xE0 && marker != 0xE2 && marker != 0xEE);
    }

    static byte[] png(byte[] b) {
        if (b.length < 8 || !startsWith(b, PNG_SIGNATURE)) {
            throw unreadable();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (i < b.length) {
            if (i + 12 > b.length) {
                throw unreadable();
            }
            long length = bigEndian(b, i);
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            long end = i + 12 + length;
            if (end > b.length) {
                throw unreadable();
            }
            if (!PNG_METADATA.contains(type)) {
                out.write(b, i, (int) (end - i));
            }
            i = (int) end;
            if (type.equals("IEND")) {
                // anything after the end is not part of the picture
                break;
            }
        }
        return out.toByteArray();
    }

    static byte[] webp(byte[] b) {
        if (b.length < 12
                || !"RIFF".equals(new String(b, 0, 4, StandardCharsets.ISO_8859_1))
                || !"WEBP".equals(new String(b, 8, 4, StandardCharsets.ISO_8859_1))) {
            throw unreadable();
        }
        long riffEnd = Math.min(b.length, 8 + littleEndian(b, 4));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        int i = 12;
        while (i < riffEnd) {
            if (i + 8 > riffEnd) {
                throw unreadable();
            }
            String type = new String(b, i, 4, StandardCharsets.ISO_8859_1);
            long size = littleEndian(b, i + 4);
            long end = i + 8 + size + (size % 2);
            if (end > riffEnd + (size % 2)) {
                throw unreadable();
            }
            end = Math.min(end, riffEnd);
            if (!WEBP_METADATA.contains(type)) {
                byte[] chunk = Arrays.copyOfRange(b, i, (int) end);
                if (type.equals("VP8X") && chunk.length > 8) {
                    // the header no longer announces the chunks left out
                    chunk[8] = (byte) (chunk[8] & ~(VP8X_EXIF | VP8X_XMP));
                }
                out.write(chunk, 0, chunk.length);
            }
            i = (int) end;
        }
        byte[] stripped = out.toByteArray();
        writeLittleEndian(stripped, 4, stripped.length - 8);
        return stripped;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long bigEndian(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    private static long littleEndian(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24)
                | ((b[at + 2] & 0xFF) << 16)
                | ((b[at + 1] & 0xFF) << 8)
                | (b[at] & 0xFF);
    }

    private static void writeLittleEndian(byte[] b, int at, long value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }

    private static Problem unreadable() {
        return Problem.invalidField("file", "is not a readable image");
    }
}
