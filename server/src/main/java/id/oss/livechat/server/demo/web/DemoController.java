package id.oss.livechat.server.demo.web;

import id.oss.livechat.server.demo.DemoConfiguration;
import id.oss.livechat.server.demo.DemoPortal;
import id.oss.livechat.server.system.web.RequestInfo;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The demo portal page and its simulated login; demo mode only, as its configuration. */
@RestController
@ConditionalOnProperty(name = "livechat.demo", havingValue = "true")
public class DemoController {
    private static final Resource PAGE = new ClassPathResource(DemoConfiguration.PAGE);

    private final DemoPortal portal;

    public DemoController(DemoPortal portal) {
        this.portal = portal;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<Resource>> page() {
        return Mono.just(
                ResponseEntity.ok()
                        .contentType(
                                new MediaType(
                                        MediaType.TEXT_HTML,
                                        java.nio.charset.StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache())
                        .body(PAGE));
    }

    @GetMapping("/demo/case")
    public Mono<DemoPortal.SignedCase> caseExample() {
        return Mono.just(portal.caseExample());
    }

    @PostMapping("/demo/login")
    public Mono<DemoPortal.LoggedIn> login(
            @RequestBody DemoPortal.Login body, ServerHttpRequest request) {
        return portal.login(body, RequestInfo.client(request));
    }
}
