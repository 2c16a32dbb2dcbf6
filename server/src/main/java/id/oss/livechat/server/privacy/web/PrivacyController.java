package id.oss.livechat.server.privacy.web;

import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.privacy.Erasure;
import id.oss.livechat.server.privacy.ErasureResult;
import id.oss.livechat.server.privacy.MyData;
import id.oss.livechat.server.privacy.MyDataCopy;
import id.oss.livechat.server.privacy.Subject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/privacy/erase}: admins only (security configuration, and {@link Erasure}).
 * {@code GET /api/oss-chat/my-data}: anyone, with the OSS portal's proof of the oss_user_id.
 */
@RestController
public class PrivacyController {
    private final Erasure erasure;

    private final MyData myData;

    public PrivacyController(Erasure erasure, MyData myData) {
        this.erasure = erasure;
        this.myData = myData;
    }

    @GetMapping("/api/oss-chat/my-data")
    public Mono<MyDataCopy> myData(
            @RequestParam(name = "oss_user_id", required = false) String ossUserId,
            @RequestParam(name = "identity_hash", required = false) String identityHash) {
        return myData.copyFor(ossUserId, identityHash);
    }

    /** The body: exactly one of the four. */
    public record EraseRequest(String ossUserId, String email, String phone, String browserUuid) {}

    @PostMapping("/api/privacy/erase")
    public Mono<ErasureResult> erase(
            @AuthenticationPrincipal Staff me, @RequestBody EraseRequest body) {
        return Mono.fromCallable(
                        () ->
                                Subject.of(
                                        body.ossUserId(),
                                        body.email(),
                                        body.phone(),
                                        body.browserUuid()))
                .flatMap(subject -> erasure.erase(me, subject));
    }
}
