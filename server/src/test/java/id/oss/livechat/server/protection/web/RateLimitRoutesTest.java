package id.oss.livechat.server.protection.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.protection.RateLimits.Kind;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * Every anonymous door and the buckets a request through it spends: the address's always, the
 * session's whenever a visitor token comes along, the start, message and sign-in buckets on their
 * own doors. The limits themselves are tested over HTTP in {@code RateLimitTest}.
 */
class RateLimitRoutesTest {
    private static final String ADDRESS = "203.0.113.5";
    private static final String TOKEN = "vt_test-token";

    private static List<RateLimitFilter.Check> checks(
            MockServerHttpRequest.BaseBuilder<?> request) {
        return RateLimitFilter.checksFor(
                request.remoteAddress(new InetSocketAddress(ADDRESS, 40000)).build());
    }

    private static MockServerHttpRequest.BaseBuilder<?> withToken(
            MockServerHttpRequest.BaseBuilder<?> request) {
        return request.header("Authorization", "Bearer " + TOKEN);
    }

    private static RateLimitFilter.Check address(Kind kind) {
        return new RateLimitFilter.Check(kind, ADDRESS);
    }

    private static RateLimitFilter.Check session(Kind kind) {
        return new RateLimitFilter.Check(kind, TOKEN);
    }

    @Test
    void startingAChatSpendsTheAddressAndItsStarts() {
        assertThat(checks(MockServerHttpRequest.post("/api/oss-chat/start")))
                .containsExactly(address(Kind.ADDRESS_REQUESTS), address(Kind.ADDRESS_STARTS));
    }

    @Test
    void everyVisitorRouteWithATokenSpendsTheAddressAndTheSession() {
        String id = "6f1c2b8e-3f7a-4c1e-9a51-0c2f6b1d9e42";
        for (MockServerHttpRequest.BaseBuilder<?> request :
                List.<MockServerHttpRequest.BaseBuilder<?>>of(
                        MockServerHttpRequest.post("/api/oss-chat/contact"),
                        MockServerHttpRequest.get("/api/oss-chat/session/" + id),
                        MockServerHttpRequest.post("/api/oss-chat/session/" + id + "/close"),
                        MockServerHttpRequest.post("/api/oss-chat/session/" + id + "/rating"),
                        MockServerHttpRequest.post("/api/oss-chat/session/" + id + "/transcript"),
                        MockServerHttpRequest.get("/api/oss-chat/session/" + id + "/messages"))) {
            assertThat(checks(withToken(request)))
                    .containsExactly(
                            address(Kind.ADDRESS_REQUESTS), session(Kind.SESSION_REQUESTS));
        }
        assertThat(
                        checks(
                                withToken(
                                        MockServerHttpRequest.post(
                                                "/api/oss-chat/session/" + id + "/messages"))))
                .containsExactly(
                        address(Kind.ADDRESS_REQUESTS),
                        session(Kind.SESSION_REQUESTS),
                        session(Kind.SESSION_MESSAGES));
        assertThat(
                        checks(
                                withToken(
                                        MockServerHttpRequest.post(
                                                "/api/oss-chat/session/" + id + "/attachments"))))
                .containsExactly(
                        address(Kind.ADDRESS_REQUESTS),
                        session(Kind.SESSION_REQUESTS),
                        session(Kind.SESSION_UPLOADS));
    }

    @Test
    void routesWithoutATokenSpendTheAddress() {
        for (MockServerHttpRequest.BaseBuilder<?> request :
                List.<MockServerHttpRequest.BaseBuilder<?>>of(
                        MockServerHttpRequest.get("/api/oss-chat/history"),
                        MockServerHttpRequest.post("/api/oss-chat/link-user"),
                        MockServerHttpRequest.get("/api/oss-chat/departments"),
                        MockServerHttpRequest.post("/api/oss-chat/contact"),
                        MockServerHttpRequest.get("/api/oss-chat/no-such-route"),
                        MockServerHttpRequest.post("/demo/login"))) {
            assertThat(checks(request)).containsExactly(address(Kind.ADDRESS_REQUESTS));
        }
    }

    @Test
    void staffSignInSpendsTheAddressesSignInsAndStaffRoutesNothing() {
        assertThat(checks(MockServerHttpRequest.post("/api/auth/login")))
                .containsExactly(address(Kind.ADDRESS_LOGINS));
        assertThat(checks(withToken(MockServerHttpRequest.get("/api/chat/waiting")))).isEmpty();
        assertThat(checks(MockServerHttpRequest.get("/health"))).isEmpty();
        // a browser's CORS preflight is answered without spending anything
        assertThat(checks(MockServerHttpRequest.options("/api/oss-chat/start"))).isEmpty();
    }
}
