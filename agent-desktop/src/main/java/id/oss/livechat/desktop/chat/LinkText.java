package id.oss.livechat.desktop.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's text cut into plain runs and {@code http}/{@code https} links, for the transcript to
 * make the links clickable. Nothing else becomes a link (no {@code javascript:}, {@code file:},
 * bare domains); what is not a well-formed link stays text, and the text itself is never changed.
 */
public final class LinkText {
    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");
    // punctuation that ends a sentence more often than a link: "lihat https://oss.go.id."
    private static final String TRAILING = ".,;:!?'\")]}";

    private LinkText() {}

    /** One run of the text: plain when {@code link} is null. */
    public record Part(String text, URI link) {
        public boolean isLink() {
            return link != null;
        }
    }

    public static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        Matcher matcher = LINK.matcher(text);
        int done = 0;
        while (matcher.find()) {
            String candidate = trimTrailing(matcher.group());
            URI uri = parse(candidate);
            if (uri == null) {
                continue;
            }
            if (matcher.start() > done) {
                parts.add(new Part(text.substring(done, matcher.start()), null));
            }
            parts.add(new Part(candidate, uri));
            done = matcher.start() + candidate.length();
        }
        if (done < text.length()) {
            parts.add(new Part(text.substring(done), null));
        }
        return parts;
    }

    private static String trimTrailing(String link) {
        int end = link.length();
        while (end > 0 && TRAILING.indexOf(link.charAt(end - 1)) >= 0) {
            // a closing bracket that belongs to the link stays: https://x.id/a_(b)
            char last = link.charAt(end - 1);
            if (last == ')'
                    && link.substring(0, end).chars().filter(c -> c == '(').count()
                            >= link.substring(0, end).chars().filter(c -> c == ')').count()) {
                break;
            }
            end--;
        }
        return link.substring(0, end);
    }

    private static URI parse(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // not a link after all: it stays text
        }
        return null;
    }
}
