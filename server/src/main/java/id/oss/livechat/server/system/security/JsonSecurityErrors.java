package id.oss.livechat.server.system.security;

import id.oss.livechat.model.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Spring Security's refusals in the API's one error shape: 401 and 403 as JSON. */
final class JsonSecurityErrors {
    private final JsonMapper json;

    JsonSecurityErrors(JsonMapper json) {
        this.json = json;
    }

    /** 401: no token, or (invalid_token) one that does not verify. */
    ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, failure) ->
                write(
                        exchange,
                        HttpStatus.UNAUTHORIZED,
                        failure instanceof InvalidBearerTokenException
                                ? new ApiError(
                                        "invalid_token",
                                        "The access token is not valid; sign in again.")
                                : new ApiError(
                                        "unauthorized",
                                        "Sign in first: send Authorization: Bearer <access_token>."));
    }

    /** 403: a valid token whose role may not use the route. */
    ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) ->
                write(
                        exchange,
                        HttpStatus.FORBIDDEN,
                        new ApiError("forbidden", "Your role may not do this."));
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, ApiError error) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        return response.writeWith(
                Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(error))));
    }
}
