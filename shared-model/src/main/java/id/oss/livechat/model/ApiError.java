package id.oss.livechat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The one error shape of every REST answer: a stable machine code, a sentence for people, and for
 * validation failures the offending fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, Map<String, String> fields) {
    public ApiError(String error, String message) {
        this(error, message, Map.of());
    }
}
