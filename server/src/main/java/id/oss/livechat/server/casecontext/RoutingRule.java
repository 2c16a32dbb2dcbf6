package id.oss.livechat.server.casecontext;

import id.oss.livechat.model.visitor.CaseContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's rule: a chat whose verified case matches goes to a department. A KBLI rule matches a
 * case with a KBLI code that starts with its digits ({@code 62} takes 62019 and 62090); a licence
 * type or province rule matches the same words, case and surrounding spaces ignored.
 */
public record RoutingRule(Field field, String match, UUID departmentId) {

    /** What of the case a rule looks at, as the API names it. */
    public enum Field {
        KBLI,
        LICENCE_TYPE,
        PROVINCE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Field> fromWire(String value) {
            for (Field f : values()) {
                if (f.wire().equals(value)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public boolean matches(CaseContext context) {
        return switch (field) {
            case KBLI ->
                    context.kbli() != null
                            && context.kbli().stream().anyMatch(c -> c.startsWith(match));
            case LICENCE_TYPE -> same(context.licenceType());
            case PROVINCE -> same(context.province());
        };
    }

    private boolean same(String value) {
        return value != null && normal(value).equals(normal(match));
    }

    private static String normal(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
