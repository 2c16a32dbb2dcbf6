package id.oss.livechat.server.system.web;

import id.oss.livechat.model.ApiError;
import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.system.logging.RequestIds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure of a request into the one error shape, with the right status: a {@link
 * Problem} from the domain, a body that is not JSON, a field of the wrong type, a route that does
 * not exist, a body too large. Anything unexpected becomes a 500 whose body says nothing of the
 * server's insides; the details go to the log.
 */
@Component
@Order(-2) // before Boot's own handler, which would answer in its own shape
public class ApiErrorHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    /** How soon a client may try again when this node is going away (another takes over). */
    static final Duration RETRY_WHILE_STOPPING = Duration.ofSeconds(5);

    private final JsonMapper json;
    private final NodeStopping node;

    public ApiErrorHandler(JsonMapper json, NodeStopping node) {
        this.json = json;
        this.node = node;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        Answer answer = answerFor(failure, exchange);
        if (answer.status().value() == 500 && node.isStopping()) {
            // the pool or the bus closed under a request of a node going away: not our fault to
            // report, but a moment to wait; clients retry (on another node behind the balancer)
            failure =
                    Problem.unavailable(
                            "unavailable",
                            "The server is restarting; please try again in a moment.",
                            RETRY_WHILE_STOPPING);
            answer = answerFor(failure, exchange);
        }
        response.setStatusCode(answer.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (answer.status().value() == 401
                && !response.getHeaders().containsHeader("WWW-Authenticate")) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        if (failure instanceof Problem problem && problem.retryAfter() != null) {
            response.getHeaders()
                    .set(
                            "Retry-After",
                            String.valueOf(Math.max(1, problem.retryAfter().toSeconds())));
        } else if (answer.status().value() == 429
                && !response.getHeaders().containsHeader("Retry-After")) {
            // every 429 says when to come back; a minute when the refusal did not say
            response.getHeaders().set("Retry-After", "60");
        }
        if (answer.status().value() == 429) {
            // a flood pays for a new connection on every try; and a refused request's body, never
            // read, does not keep a connection waiting
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        byte[] body = json.writeValueAsBytes(answer.error());
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    record Answer(HttpStatusCode status, ApiError error) {}

    Answer answerFor(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof Problem problem) {
            return new Answer(
                    statusOf(problem.kind()),
                    new ApiError(problem.code(), problem.getMessage(), problem.fields()));
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return new Answer(
                    HttpStatus.CONTENT_TOO_LARGE,
                    new ApiError("payload_too_large", "The request body is too large."));
        }
        if (failure instanceof ServerWebInputException input) {
            return inputError(input);
        }
        if (failure instanceof MethodNotAllowedException) {
            return new Answer(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    new ApiError("method_not_allowed", "This route does not accept that method."));
        }
        if (failure instanceof UnsupportedMediaTypeStatusException unsupported) {
            boolean multipart =
                    unsupported.getSupportedMediaTypes().stream()
                            .anyMatch(MediaType.MULTIPART_FORM_DATA::isCompatibleWith);
            return new Answer(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    new ApiError(
                            "unsupported_media_type",
                            multipart
                                    ? "Send the file as multipart/form-data, in a part named file."
                                    : "Send the body as application/json."));
        }
        if (failure instanceof NotAcceptableStatusException) {
            return new Answer(
                    HttpStatus.NOT_ACCEPTABLE,
                    new ApiError("not_acceptable", "This route answers application/json."));
        }
        if (failure instanceof ResponseStatusException status) {
            return fromStatus(status.getStatusCode(), status.getReason());
        }
        // on whichever thread failed: the line carries the request's id all the same
        RequestIds.logWith(
                exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER),
                () ->
                        log.error(
                                "Unexpected failure on {} {}",
                                exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath(),
                                failure));
        return new Answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                new ApiError(
                        "internal_error", "Something went wrong on our side; please try again."));
    }

    private Answer inputError(ServerWebInputException input) {
        Throwable cause = input.getMostSpecificCause();
        if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            return invalidField(fieldPath(format), describeExpected(format.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalidField(fieldPath(mismatch), "has the wrong type");
        }
        if (cause instanceof MismatchedInputException) {
            return new Answer(
                    HttpStatus.BAD_REQUEST,
                    new ApiError(
                            "validation_failed",
                            "The request body must be a JSON object with the documented fields."));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return new Answer(
                    HttpStatus.BAD_REQUEST,
                    new ApiError("malformed_json", "The request body is not valid JSON."));
        }
        if (input.getMethodParameter() != null
                && input.getReason() != null
                && input.getReason().contains("body")) {
            return new Answer(
                    HttpStatus.BAD_REQUEST,
                    new ApiError("malformed_json", "The request needs a JSON body."));
        }
        String reason = input.getReason() == null ? "The request is not valid." : input.getReason();
        return new Answer(HttpStatus.BAD_REQUEST, new ApiError("bad_request", reason));
    }

    private static Answer invalidField(String field, String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field, reason);
        return new Answer(
                HttpStatus.BAD_REQUEST,
                new ApiError("validation_failed", "Some fields are missing or invalid.", fields));
    }

    private static String fieldPath(JacksonException failure) {
        return failure.getPath().stream()
                .map(
                        ref ->
                                ref.getPropertyName() != null
                                        ? ref.getPropertyName()
                                        : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describeExpected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        return "has the wrong type";
    }

    private static Answer fromStatus(HttpStatusCode status, String reason) {
        String code =
                switch (status.value()) {
                    case 400 -> "bad_request";
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 404 -> "not_found";
                    case 409 -> "conflict";
                    case 413 -> "payload_too_large";
                    case 429 -> "rate_limited";
                    default -> status.is5xxServerError() ? "internal_error" : "error";
                };
        String message =
                switch (status.value()) {
                    case 404 -> "There is nothing at this address.";
                    case 401 -> "Sign in first.";
                    case 403 -> "You may not do this.";
                    default -> reason != null ? reason : "The request was refused.";
                };
        return new Answer(status, new ApiError(code, message));
    }

    static HttpStatus statusOf(Problem.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
