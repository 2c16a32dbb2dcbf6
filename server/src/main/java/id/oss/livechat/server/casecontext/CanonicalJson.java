package id.oss.livechat.server.casecontext;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one spelling of a JSON value that the portal's backend signs and the server checks: object
 * keys sorted (by UTF-16 code units, as JavaScript's {@code sort()} and Python's {@code sorted()}
 * order the ASCII keys of a case context), no white space, strings escaped as {@code
 * JSON.stringify} does ({@code "} and {@code \}, the control characters, nothing else), arrays in
 * their order. {@code JSON.stringify} of an object built with sorted keys gives it, as does
 * Python's {@code json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}.
 * Signed as its UTF-8 bytes.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /**
     * @param value strings, booleans, null, numbers as they came, lists and maps of them
     */
    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
