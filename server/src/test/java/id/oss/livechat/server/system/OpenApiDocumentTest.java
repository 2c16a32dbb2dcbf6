package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The served OpenAPI document describes exactly the routes the server has: no more, no less. */
class OpenApiDocumentTest extends ServerTest {
    // the controllers' mapping, not the actuator's
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        // the document is larger than the JSON codec's 64 KiB request limit, which the test
        // client shares; it is a static file, not a request body
        String yaml =
                http.mutate()
                        .codecs(c -> c.defaultCodecs().maxInMemorySize(1024 * 1024))
                        .build()
                        .get()
                        .uri("/openapi.yaml")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        Map<String, Object> document = new Yaml().load(yaml);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths =
                (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach(
                (path, operations) ->
                        operations
                                .keySet()
                                .forEach(
                                        method ->
                                                documented.add(method.toUpperCase() + " " + path)));

        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .forEach(
                        (info, handler) -> {
                            if (!handler.getBeanType()
                                    .getPackageName()
                                    .startsWith("id.oss.livechat")) {
                                return;
                            }
                            info.getPatternsCondition()
                                    .getPatterns()
                                    .forEach(
                                            pattern ->
                                                    info.getMethodsCondition()
                                                            .getMethods()
                                                            .forEach(
                                                                    method ->
                                                                            served.add(
                                                                                    method.name()
                                                                                            + " "
                                                                                            + pattern
                                                                                                    .getPatternString())));
                        });

        assertThat(served).isNotEmpty();
        assertThat(documented).isEqualTo(served);
    }
}
