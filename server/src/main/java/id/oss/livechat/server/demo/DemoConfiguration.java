package id.oss.livechat.server.demo;

import id.oss.livechat.server.casecontext.CaseContexts;
import id.oss.livechat.server.visitor.IdentityProof;
import id.oss.livechat.server.visitor.VisitorIdentities;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Demo mode only ({@code livechat.demo=true}): the demo OSS portal page at {@code /} with the
 * widget on it, and its simulated login. Off, none of it exists and {@code /} is a plain 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "livechat.demo", havingValue = "true")
public class DemoConfiguration {
    /** Where the widget-demo jar keeps the portal page and its assets. */
    public static final String PAGE = "oss-demo/index.html";

    @Bean
    DemoPortal demoPortal(
            IdentityProof proof, VisitorIdentities identities, CaseContexts contexts) {
        return new DemoPortal(proof, identities, contexts);
    }

    /** The portal page's own CSS and script; the widget itself is at /widget/* in every mode. */
    @Bean
    RouterFunction<ServerResponse> demoAssets() {
        return RouterFunctions.resources(
                "/demo/assets/**", new ClassPathResource("oss-demo/assets/"));
    }
}
