package id.oss.livechat.server.search.internal;

import id.oss.livechat.model.search.SnippetPart;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@code ts_headline} marked with two control characters into plain parts. */
final class Snippets {
    private Snippets() {}

    static List<SnippetPart> parts(String marked, char start, char stop) {
        List<SnippetPart> parts = new ArrayList<>();
        if (marked == null || marked.isEmpty()) {
            return parts;
        }
        StringBuilder text = new StringBuilder();
        boolean match = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == start || c == stop) {
                flush(parts, text, match);
                match = c == start;
            } else {
                text.append(c);
            }
        }
        flush(parts, text, match);
        return parts;
    }

    private static void flush(List<SnippetPart> parts, StringBuilder text, boolean match) {
        if (text.length() > 0) {
            parts.add(new SnippetPart(text.toString(), match));
            text.setLength(0);
        }
    }
}
