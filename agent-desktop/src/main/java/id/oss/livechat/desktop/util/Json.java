package id.oss.livechat.desktop.util;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The desktop's one JSON mapper: shared-model records are camelCase, the wire is snake_case. */
public final class Json {
    private static final JsonMapper MAPPER =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    // a newer server may add fields; an older desktop must keep working
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    // a null count or flag reads as 0/false rather than failing a whole list
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    // an absent field, not "agent_id": null (a transfer names agent OR department)
                    .changeDefaultPropertyInclusion(
                            inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                    .build();

    private Json() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
