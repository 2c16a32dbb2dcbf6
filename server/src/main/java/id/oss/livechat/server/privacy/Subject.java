package id.oss.livechat.server.privacy;

import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The data subject an erasure is about: exactly one of an OSS user id, an e-mail, a phone number or
 * a browser UUID. The API and the ops command read it the same way.
 */
public record Subject(String kind, String value) {
    public static final List<String> KINDS =
            List.of("oss_user_id", "email", "phone", "browser_uuid");

    /** Exactly one of the four, well formed, or a 400 naming what is wrong. */
    public static Subject of(String ossUserId, String email, String phone, String browserUuid) {
        List<Subject> given = new ArrayList<>();
        add(given, "oss_user_id", ossUserId);
        add(given, "email", email);
        add(given, "phone", phone);
        add(given, "browser_uuid", browserUuid);
        if (given.size() != 1) {
            throw Problem.invalidField(
                    "subject", "give exactly one of oss_user_id, email, phone, browser_uuid");
        }
        return of(given.get(0).kind(), given.get(0).value());
    }

    /** One kind and its value, checked. */
    public static Subject of(String kind, String value) {
        if (!KINDS.contains(kind)) {
            throw Problem.invalidField("subject", "must be one of " + KINDS);
        }
        String text = value == null ? "" : value.strip();
        FieldCheck check = FieldCheck.of().required(kind, text, 255);
        switch (kind) {
            case "email" -> check.email(kind, text);
            case "phone" -> check.phone(kind, text);
            case "browser_uuid" -> check.rule(isUuid(text), kind, "must be a UUID");
            default -> {}
        }
        check.orThrow();
        return new Subject(
                kind, kind.equals("browser_uuid") ? text.toLowerCase(Locale.ROOT) : text);
    }

    private static void add(List<Subject> given, String kind, String value) {
        if (value != null && !value.isBlank()) {
            given.add(new Subject(kind, value));
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
