package id.oss.livechat.server.canned;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.canned.CannedResponseRequest;
import id.oss.livechat.server.agent.StaffAccount;
import id.oss.livechat.server.agent.StaffRepository;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Canned replies: everyone keeps personal ones; supervisors and admins also manage the ones a
 * department shares. An agent sees its personal replies and its departments' shared ones, may use
 * but not change the shared ones (403), and never sees anyone else's personal replies (404).
 */
public class CannedReplies {
    public static final int MAX_SHORTCUT = 32;
    public static final int MAX_TEXT = 4000;

    private final CannedReplyRepository replies;
    private final StaffRepository staff;

    public CannedReplies(CannedReplyRepository replies, StaffRepository staff) {
        this.replies = replies;
        this.staff = staff;
    }

    public Flux<CannedReply> list(Staff who) {
        if (who.overseesAllChats()) {
            return replies.visibleTo(who.id(), null);
        }
        return departmentsOf(who).flatMapMany(mine -> replies.visibleTo(who.id(), mine));
    }

    public Mono<CannedReply> create(Staff who, CannedResponseRequest request) {
        String shortcut = shortcutOf(request.shortcut());
        String text = textOf(request.text());
        check(shortcut, text);
        Language language = request.language() == null ? Language.ID : request.language();
        UUID department = request.departmentId();
        if (department == null) {
            return replies.create(shortcut, text, language, null, who.id());
        }
        if (!who.overseesAllChats()) {
            return Mono.error(
                    Problem.forbidden(
                            "Supervisors and admins manage a department's shared replies; keep a personal one instead."));
        }
        return replies.departmentExists(department)
                .flatMap(
                        exists ->
                                exists
                                        ? replies.create(shortcut, text, language, department, null)
                                        : Mono.error(Problem.notFound("The department")));
    }

    public Mono<CannedReply> update(Staff who, UUID id, CannedResponseRequest request) {
        String shortcut = shortcutOf(request.shortcut());
        String text = textOf(request.text());
        check(shortcut, text);
        return editable(who, id)
                .flatMap(
                        existing -> {
                            if (request.departmentId() != null
                                    && !request.departmentId().equals(existing.departmentId())) {
                                return Mono.error(
                                        Problem.invalidField(
                                                "department_id",
                                                "never changes; create the reply in the other department instead"));
                            }
                            Language language =
                                    request.language() == null
                                            ? existing.language()
                                            : request.language();
                            return replies.update(id, shortcut, text, language);
                        });
    }

    public Mono<Void> delete(Staff who, UUID id) {
        return editable(who, id).flatMap(existing -> replies.delete(id));
    }

    /** The reply, if {@code who} may change it: its own, or as a supervisor a shared one. */
    private Mono<CannedReply> editable(Staff who, UUID id) {
        return replies.findById(id)
                .switchIfEmpty(Mono.error(Problem.notFound("The canned reply")))
                .flatMap(
                        reply -> {
                            if (reply.personal()) {
                                // someone else's personal reply does not exist for the caller
                                return who.id().equals(reply.ownerId())
                                        ? Mono.just(reply)
                                        : Mono.error(Problem.notFound("The canned reply"));
                            }
                            if (who.overseesAllChats()) {
                                return Mono.just(reply);
                            }
                            return departmentsOf(who)
                                    .flatMap(
                                            mine ->
                                                    mine.contains(reply.departmentId())
                                                            ? Mono.error(
                                                                    Problem.forbidden(
                                                                            "Only supervisors and admins change a department's shared replies."))
                                                            : Mono.error(
                                                                    Problem.notFound(
                                                                            "The canned reply")));
                        });
    }

    private Mono<List<UUID>> departmentsOf(Staff who) {
        return staff.findById(who.id()).map(StaffAccount::departmentIds).defaultIfEmpty(List.of());
    }

    /** "/NIB " is the shortcut "nib": the slash is how it is typed, not part of it. */
    static String shortcutOf(String raw) {
        if (raw == null) {
            return null;
        }
        String shortcut = raw.strip().toLowerCase(Locale.ROOT);
        return shortcut.startsWith("/") ? shortcut.substring(1) : shortcut;
    }

    private static String textOf(String raw) {
        return raw == null ? null : raw.strip();
    }

    private static void check(String shortcut, String text) {
        FieldCheck.of()
                .required("shortcut", shortcut, MAX_SHORTCUT)
                .rule(
                        shortcut == null
                                || shortcut.isEmpty()
                                || shortcut.length() > MAX_SHORTCUT
                                || shortcut.matches("[a-z0-9][a-z0-9_-]*"),
                        "shortcut",
                        "may hold letters, digits, - and _, starting with a letter or digit")
                .required("text", text, MAX_TEXT)
                .orThrow();
    }
}
