package id.oss.livechat.server.casecontext;

import id.oss.livechat.model.visitor.CaseContext;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the shape of a {@code context} as it came in {@code start}: only the known keys, each a
 * string of its form (a list of them for {@code kbli}). A refusal names the field: {@code
 * context.nib}, {@code context.kbli[1]}. Values are kept exactly as sent, since the signature is
 * over them.
 */
public final class CaseContextInput {
    public static final String NIB = "nib";
    public static final String APPLICATION_NUMBER = "application_number";
    public static final String KBLI = "kbli";
    public static final String LICENCE_TYPE = "licence_type";
    public static final String PROVINCE = "province";
    public static final List<String> KEYS =
            List.of(NIB, APPLICATION_NUMBER, KBLI, LICENCE_TYPE, PROVINCE);
    public static final int MAX_KBLI = 20;
    public static final int TEXT_MAX = 100;

    private static final Pattern NIB_FORM = Pattern.compile("[0-9]{13}");
    private static final Pattern APPLICATION_FORM =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,63}");
    private static final Pattern KBLI_FORM = Pattern.compile("[0-9]{5}");
    private static final Pattern KEY_FORM = Pattern.compile("[A-Za-z0-9_]{1,40}");

    private CaseContextInput() {}

    /**
     * The context, or empty when none was sent (or it was refused: then {@code check} holds why).
     */
    public static Optional<CaseContext> read(Map<String, Object> given, FieldCheck check) {
        if (given == null) {
            return Optional.empty();
        }
        FieldCheck own = FieldCheck.of();
        Optional<CaseContext> context = shapeOf(given, own);
        try {
            own.orThrow();
            return context;
        } catch (Problem refused) {
            refused.fields().forEach(check::fail);
            return Optional.empty();
        }
    }

    private static Optional<CaseContext> shapeOf(Map<String, Object> given, FieldCheck check) {
        if (given.isEmpty()) {
            check.fail(
                    "context", "is empty: leave it out, or give one of " + String.join(", ", KEYS));
            return Optional.empty();
        }
        for (String key : given.keySet()) {
            if (!KEYS.contains(key)) {
                check.fail(
                        KEY_FORM.matcher(key).matches() ? "context." + key : "context",
                        "is not a field of the case context: " + String.join(", ", KEYS));
            }
        }
        String nib = text(given, NIB, NIB_FORM, "must be the 13 digits of an NIB", check);
        String application =
                text(
                        given,
                        APPLICATION_NUMBER,
                        APPLICATION_FORM,
                        "must be 1 to 64 letters, digits, '.', '/' or '-'",
                        check);
        List<String> kbli = kbli(given.get(KBLI), given.containsKey(KBLI), check);
        String licenceType = free(given, LICENCE_TYPE, check);
        String province = free(given, PROVINCE, check);
        return Optional.of(new CaseContext(nib, application, kbli, licenceType, province));
    }

    private static String text(
            Map<String, Object> given, String key, Pattern form, String rule, FieldCheck check) {
        if (!given.containsKey(key)) {
            return null;
        }
        Object value = given.get(key);
        if (value instanceof String s && form.matcher(s).matches()) {
            return s;
        }
        check.fail("context." + key, rule);
        return null;
    }

    private static String free(Map<String, Object> given, String key, FieldCheck check) {
        if (!given.containsKey(key)) {
            return null;
        }
        Object value = given.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            check.fail("context." + key, "must be a text of 1 to " + TEXT_MAX + " characters");
            return null;
        }
        check.optional("context." + key, s, TEXT_MAX);
        return s;
    }

    private static List<String> kbli(Object value, boolean given, FieldCheck check) {
        if (!given) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_KBLI) {
            check.fail("context.kbli", "must be a list of 1 to " + MAX_KBLI + " KBLI codes");
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String code && KBLI_FORM.matcher(code).matches()) {
                codes.add(code);
            } else {
                check.fail(
                        "context.kbli[" + i + "]", "must be a KBLI code of 5 digits, e.g. 56101");
            }
        }
        if (new LinkedHashSet<>(codes).size() < codes.size()) {
            check.fail("context.kbli", "lists a code twice");
        }
        return List.copyOf(codes);
    }
}
