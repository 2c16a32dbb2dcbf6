package id.oss.livechat.server.privacy;

import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.visitor.ChatUser;
import id.oss.livechat.server.visitor.VisitorIdentities;
import java.time.Clock;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The right of access: a logged-in OSS user, proved as for its history ({@code identity_hash} from
 * the portal), gets everything the help desk keeps about it. Each copy is audited under the visitor
 * row's id, never the data.
 */
public class MyData {
    static final AuditTrail.Actor ACTOR = new AuditTrail.Actor("visitor", null);

    private final VisitorIdentities identities;
    private final MyDataRepository store;
    private final AuditTrail audit;
    private final Clock clock;

    public MyData(
            VisitorIdentities identities, MyDataRepository store, AuditTrail audit, Clock clock) {
        this.identities = identities;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The copy; 400 without an oss_user_id, 401 when identity_hash does not prove it. */
    public Mono<MyDataCopy> copyFor(String ossUserId, String identityHash) {
        return Mono.defer(() -> proven(ossUserId, identityHash));
    }

    private Mono<MyDataCopy> proven(String ossUserId, String identityHash) {
        String user = Texts.clean(ossUserId);
        String proof = Texts.clean(identityHash);
        FieldCheck.of().required("oss_user_id", user, VisitorIdentities.OSS_USER_ID_MAX).orThrow();
        if (proof == null) {
            return Mono.error(
                    Problem.unauthorized(
                            "invalid_identity",
                            "identity_hash is required: it proves the oss_user_id and comes from"
                                    + " the OSS portal."));
        }
        return identities
                .forHistory(new VisitorIdentities.Claim(null, user, null, proof))
                .flatMap(
                        found ->
                                found.isEmpty()
                                        ? Mono.just(empty(user))
                                        : copyOf(user, found.get()));
    }

    private MyDataCopy empty(String ossUserId) {
        return new MyDataCopy(ossUserId, null, clock.instant(), List.of());
    }

    private Mono<MyDataCopy> copyOf(String ossUserId, ChatUser user) {
        return store.chatsOf(user.id())
                .map(chats -> new MyDataCopy(ossUserId, user.email(), clock.instant(), chats))
                .flatMap(
                        copy ->
                                audit.record(
                                                ACTOR,
                                                AuditAction.MY_DATA_EXPORTED,
                                                "visitor:" + user.id(),
                                                copy.chats().size() + " chats")
                                        .thenReturn(copy));
    }
}
