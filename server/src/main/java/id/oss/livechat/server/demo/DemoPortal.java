package id.oss.livechat.server.demo;

import id.oss.livechat.model.visitor.LinkUserRequest;
import id.oss.livechat.server.casecontext.CaseContexts;
import id.oss.livechat.server.common.ClientInfo;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.visitor.IdentityProof;
import id.oss.livechat.server.visitor.VisitorIdentities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The demo portal's backend: what a real OSS portal does when its user logs in. It computes the
 * {@code identity_hash} with the shared secret (the browser never holds it) and links the browser's
 * anonymous chats to the account, then hands the page what {@code OSSLiveChat.identify(...)} needs.
 * It also signs the logged-in user's case, as a portal passes it to {@code OSSLiveChat.setContext}.
 */
public class DemoPortal {
    private final IdentityProof proof;
    private final VisitorIdentities identities;
    private final CaseContexts contexts;

    public DemoPortal(IdentityProof proof, VisitorIdentities identities, CaseContexts contexts) {
        this.proof = proof;
        this.identities = identities;
        this.contexts = contexts;
    }

    /** A case and its signature, as the portal's backend hands them to the page. */
    public record SignedCase(Map<String, Object> context, String contextHash) {}

    /**
     * {@code GET /demo/case}: the demo account's case (the one its dashboard shows), signed with
     * the server's own secret: a real portal's backend signs its user's case the same way.
     */
    public SignedCase caseExample() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("nib", "9120001234567");
        context.put("application_number", "PB-UMKU-202611-000123");
        context.put("kbli", List.of("56101", "47111"));
        context.put("licence_type", "Sertifikat Standar");
        context.put("province", "DKI Jakarta");
        return new SignedCase(context, contexts.sign(context));
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
