package id.oss.livechat.server.demo;

import id.oss.livechat.model.visitor.LinkUserRequest;
import id.oss.livechat.server.common.ClientInfo;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.visitor.IdentityProof;
import id.oss.livechat.server.visitor.VisitorIdentities;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The demo portal's backend: what a real OSS portal does when its user logs in. It computes the
 * {@code identity_hash} with the shared secret (the browser never holds it) and links the browser's
 * anonymous chats to the account, then hands the page what {@code OSSLiveChat.identify(...)} needs.
 */
public class DemoPortal {
    private final IdentityProof proof;
    private final VisitorIdentities identities;

    public DemoPortal(IdentityProof proof, VisitorIdentities identities) {
        this.proof = proof;
        this.identities = identities;
    }

    /** {@code POST /demo/login}. Any user id logs in: it is a simulation. */
    public record Login(String ossUserId, String email, UUID browserUuid) {}

    /** What the page passes to {@code OSSLiveChat.identify}, and how many chats moved. */
    public record LoggedIn(
            String ossUserId, String email, String identityHash, int sessionsMoved) {}

    public Mono<LoggedIn> login(Login request, ClientInfo client) {
        String ossUserId = Texts.clean(request.ossUserId());
        String email = Texts.clean(request.email());
        FieldCheck.of()
                .requiredLine("oss_user_id", ossUserId, VisitorIdentities.OSS_USER_ID_MAX)
                .requiredLine("email", email, 255)
                .email("email", email)
                .orThrow();
        String identityHash = proof.sign(ossUserId);
        if (request.browserUuid() == null) {
            return Mono.just(new LoggedIn(ossUserId, email, identityHash, 0));
        }
        return identities
                .link(
                        new LinkUserRequest(request.browserUuid(), ossUserId, email, identityHash),
                        client)
                .map(
                        linked ->
                                new LoggedIn(
                                        ossUserId, email, identityHash, linked.sessionsMoved()));
    }
}
