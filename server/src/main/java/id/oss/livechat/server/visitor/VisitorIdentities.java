package id.oss.livechat.server.visitor;

import id.oss.livechat.model.visitor.LinkUserRequest;
import id.oss.livechat.model.visitor.LinkUserResponse;
import id.oss.livechat.server.common.ClientInfo;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEvent;
import id.oss.livechat.server.common.events.ChatEventBus;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who a visitor is: an anonymous browser, or an OSS account, which is believed only with a valid
 * identity_hash. Also the step from anonymous to logged in, when the visitor signs in to the portal
 * during or after a chat.
 */
public class VisitorIdentities {
    public static final int OSS_USER_ID_MAX = 255;

    private final ChatUserRepository users;
    private final IdentityProof proof;
    private final Transactions transactions;
    private final ChatEventBus bus;

    public VisitorIdentities(
            ChatUserRepository users,
            IdentityProof proof,
            Transactions transactions,
            ChatEventBus bus) {
        this.users = users;
        this.proof = proof;
        this.transactions = transactions;
        this.bus = bus;
    }

    /** What a request claims about the visitor; validated by {@link #check}. */
    public record Claim(UUID browserUuid, String ossUserId, String email, String identityHash) {
        public Claim {
            ossUserId = Texts.clean(ossUserId);
            email = Texts.clean(email);
            identityHash = Texts.clean(identityHash);
        }

        public boolean isOssUser() {
            return ossUserId != null;
        }
    }

    /** Adds the claim's field problems to {@code check}: one identity is required. */
    public static void check(Claim claim, FieldCheck check) {
        if (claim.browserUuid() == null && claim.ossUserId() == null) {
            check.fail("browser_uuid", "is required unless oss_user_id is given");
        }
        check.line("oss_user_id", claim.ossUserId(), OSS_USER_ID_MAX)
                .line("email", claim.email(), 255)
                .email("email", claim.email())
                .line("identity_hash", claim.identityHash(), 128);
        if (claim.ossUserId() != null) {
            check.rule(
                    claim.identityHash() != null, "identity_hash", "is required with oss_user_id");
        }
    }

    /**
     * The OSS account a logged-in visitor's new chat belongs to (an anonymous visitor's is stored
     * with the chat itself). A visitor who also sends the browser's UUID takes the browser's
     * anonymous chats along, as link-user would.
     */
    public Mono<ChatUser> accountForNewChat(Claim claim, ClientInfo client) {
        if (!claim.isOssUser()) {
            return Mono.error(new IllegalArgumentException("not an OSS user's claim"));
        }
        verify(claim);
        return transactions.inTransaction(
                () ->
                        users.upsertOssUser(claim.ossUserId(), claim.email(), client)
                                .flatMap(
                                        account ->
                                                claim.browserUuid() == null
                                                        ? Mono.just(account)
                                                        : mergeBrowser(claim.browserUuid(), account)
                                                                .thenReturn(account)));
    }

    /** {@code link-user}: the browser's anonymous sessions move to the OSS account. */
    public Mono<LinkUserResponse> link(LinkUserRequest request, ClientInfo client) {
        Claim claim =
                new Claim(
                        request.browserUuid(),
                        request.ossUserId(),
                        request.email(),
                        request.identityHash());
        FieldCheck check = FieldCheck.of().requiredPresent("browser_uuid", claim.browserUuid());
        check.requiredLine("oss_user_id", claim.ossUserId(), OSS_USER_ID_MAX)
                .line("email", claim.email(), 255)
                .email("email", claim.email())
                .line("identity_hash", claim.identityHash(), 128)
                .rule(claim.identityHash() != null, "identity_hash", "is required")
                .orThrow();
        verify(claim);
        return transactions
                .inTransaction(
                        () ->
                                users.upsertOssUser(claim.ossUserId(), claim.email(), client)
                                        .flatMap(
                                                account ->
                                                        mergeBrowser(claim.browserUuid(), account)
                                                                .map(
                                                                        moved ->
                                                                                new LinkUserResponse(
                                                                                        account
                                                                                                .id(),
                                                                                        account
                                                                                                .ossUserId(),
                                                                                        account
                                                                                                .email(),
                                                                                        false,
                                                                                        moved))))
                // the value once the transaction has committed (a transaction hands it on first
                // and commits after), so staff who are told read the moved sessions
                .flux()
                .last()
                .flatMap(linked -> announceIdentity(linked).thenReturn(linked));
    }

    /** Staff serving the moved chats see at once that the visitor is a verified OSS user now. */
    private Mono<Void> announceIdentity(LinkUserResponse linked) {
        if (linked.sessionsMoved() == 0) {
            return Mono.empty();
        }
        return users.openSessionsOf(linked.chatUserId())
                .concatMap(
                        open ->
                                bus.publish(
                                        new ChatEvent.VisitorChanged(
                                                open.sessionId(), open.agentId())))
                .then();
    }

    /**
     * The visitor whose history is asked for: by OSS account (with proof) or by browser. Empty when
     * the visitor has never chatted.
     */
    public Mono<Optional<ChatUser>> forHistory(Claim claim) {
        FieldCheck check = FieldCheck.of();
        check(claim, check);
        check.orThrow();
        if (claim.isOssUser()) {
            verify(claim);
            return users.findOssUser(claim.ossUserId())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty());
        }
        return users.findAnonymous(claim.browserUuid())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Integer> mergeBrowser(UUID browserUuid, ChatUser account) {
        return users.findAnonymous(browserUuid)
                .flatMap(anonymous -> users.mergeInto(anonymous.id(), account.id()))
                .defaultIfEmpty(0);
    }

    private void verify(Claim claim) {
        if (!proof.isValid(claim.ossUserId(), claim.identityHash())) {
            throw Problem.unauthorized(
                    "invalid_identity",
                    "The identity_hash does not prove this oss_user_id; it must come from the OSS portal.");
        }
    }
}
