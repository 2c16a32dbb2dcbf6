package id.oss.livechat.server.tagging;

import id.oss.livechat.model.tagging.LabelRequest;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.Texts;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tags and close reasons admins define. Every staff member reads the lists (the desktop offers
 * them); only admins add, rename and retire. A code never changes, so reports stay comparable.
 */
public class LabelAdministration {
    public static final int MAX_CODE = 40;
    public static final int MAX_LABEL = 80;

    private final LabelRepository labels;

    public LabelAdministration(LabelRepository labels) {
        this.labels = labels;
    }

    public Flux<Label> list(LabelKind kind, boolean withRetired) {
        return labels.list(kind, withRetired);
    }

    public Mono<Label> create(Staff who, LabelKind kind, LabelRequest request) {
        mustBeAdmin(who);
        String code =
                request.code() == null ? null : request.code().strip().toLowerCase(Locale.ROOT);
        String labelId = Texts.clean(request.labelId());
        String labelEn = Texts.clean(request.labelEn());
        FieldCheck.of()
                .required("code", code, MAX_CODE)
                .rule(
                        code == null || code.isEmpty() || code.matches("[a-z0-9][a-z0-9_-]*"),
                        "code",
                        "may hold letters, digits, - and _, starting with a letter or digit")
                .required("label_id", labelId, MAX_LABEL)
                .required("label_en", labelEn, MAX_LABEL)
                .orThrow();
        return labels.create(
                kind, new Label(code, labelId, labelEn, !Boolean.FALSE.equals(request.active())));
    }

    public Mono<Label> update(Staff who, LabelKind kind, String code, LabelRequest request) {
        mustBeAdmin(who);
        String labelId = Texts.clean(request.labelId());
        String labelEn = Texts.clean(request.labelEn());
        FieldCheck.of()
                .rule(
                        request.code() == null || request.code().strip().equals(code),
                        "code",
                        "never changes; add a new one and retire this one instead")
                .optional("label_id", labelId, MAX_LABEL)
                .rule(request.labelId() == null || labelId != null, "label_id", "must not be empty")
                .optional("label_en", labelEn, MAX_LABEL)
                .rule(request.labelEn() == null || labelEn != null, "label_en", "must not be empty")
                .orThrow();
        return labels.update(kind, code, labelId, labelEn, request.active())
                .switchIfEmpty(Mono.error(Problem.notFound(kind.what())));
    }

    /** Before anything else: whoever may not change the lists learns nothing of a body's faults. */
    private static void mustBeAdmin(Staff who) {
        if (!who.isAdmin()) {
            throw Problem.forbidden("Only admins define tags and close reasons.");
        }
    }
}
