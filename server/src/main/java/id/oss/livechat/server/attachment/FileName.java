package id.oss.livechat.server.attachment;

import java.util.Locale;
import java.util.Map;

/**
 * The name a file is shown and downloaded under: the last part of what the client sent (no
 * folders), without control characters, at most {@link #MAX_LENGTH} characters, and ending in the
 * extension of what the bytes are, so that "surat.pdf" that is really a PNG downloads as
 * "surat.pdf.png" and opens in an image viewer.
 */
final class FileName {
    static final int MAX_LENGTH = 255;
    private static final String DEFAULT = "lampiran";
    private static final Map<String, String> EXTENSIONS =
            Map.of(
                    "application/pdf", ".pdf",
                    "image/png", ".png",
                    "image/jpeg", ".jpg",
                    "image/webp", ".webp");

    private FileName() {}

    static String clean(String sent, String contentType) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = DEFAULT;
        }
        String extension = EXTENSIONS.getOrDefault(contentType, "");
        if (!hasExtension(name, contentType, extension)) {
            name = name + extension;
        }
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    private static boolean hasExtension(String name, String contentType, String extension) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(extension)
                || (contentType.equals("image/jpeg") && lower.endsWith(".jpeg"));
    }
}
