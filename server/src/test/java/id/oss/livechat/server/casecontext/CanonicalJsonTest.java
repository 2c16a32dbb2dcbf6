package id.oss.livechat.server.casecontext;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.visitor.IdentityProof;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/API.md and the widget's README, to the byte: what a portal's backend
 * signs, and the signature it gets with the demo secret.
 */
class CanonicalJsonTest {
    static final String EXAMPLE_CANONICAL =
            "{\"application_number\":\"PB-UMKU-202611-000123\",\"kbli\":[\"56101\",\"47111\"],"
                    + "\"licence_type\":\"Sertifikat Standar\",\"nib\":\"9120001234567\","
                    + "\"province\":\"DKI Jakarta\"}";
    static final String EXAMPLE_HASH =
            "7bb9be0d6260d5b7f4198e10d4309509f245bd2fb887bd126a38d10e5c1d68c0";

    static Map<String, Object> example() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("nib", "9120001234567");
        context.put("application_number", "PB-UMKU-202611-000123");
        context.put("kbli", List.of("56101", "47111"));
        context.put("licence_type", "Sertifikat Standar");
        context.put("province", "DKI Jakarta");
        return context;
    }

    @Test
    void theDocumentedExampleIsSortedWithoutSpacesAndSignsToTheDocumentedHash() {
        String canonical = CanonicalJson.of(example());
        assertThat(canonical).isEqualTo(EXAMPLE_CANONICAL);
        assertThat(IdentityProof.hashFor("demo-oss-secret", canonical)).isEqualTo(EXAMPLE_HASH);
    }

    @Test
    void stringsAreEscapedAsJavaScriptDoesAndLeftAsTheyAreOtherwise() {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("province", "Papua \"Tengah\" \\ Nabire\t/ Ñ");
        odd.put("b", List.of());
        odd.put("a", "\u0001");
        assertThat(CanonicalJson.of(odd))
                .isEqualTo(
                        "{\"a\":\"\\u0001\",\"b\":[],\"province\":\"Papua \\\"Tengah\\\" \\\\ Nabire\\t/ Ñ\"}");
    }
}
