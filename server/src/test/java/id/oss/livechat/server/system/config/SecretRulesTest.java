package id.oss.livechat.server.system.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRulesTest {

    @Test
    void missingShortRepetitiveAndPublishedSecretsAreRefused() {
        assertThat(SecretRules.weakness(null)).isEqualTo("missing");
        assertThat(SecretRules.weakness("  ")).isEqualTo("missing");
        assertThat(SecretRules.weakness("short-secret")).startsWith("weak (12 characters");
        assertThat(SecretRules.weakness("a".repeat(40))).contains("different characters");
        assertThat(SecretRules.weakness("demo-oss-secret")).contains("published");
        assertThat(SecretRules.weakness("oss-livechat-demo-jwt-secret-not-for-production"))
                .contains("published");
    }

    @Test
    void aLongRandomSecretIsAccepted() {
        assertThat(SecretRules.weakness("q3J8v0Zk+7mYwQp1s9TtR2eXhLc4Nf6B")).isNull();
    }

    @Test
    void productionProblemsNameEachVariable() {
        assertThat(SecretRules.productionProblems(null, "short"))
                .containsExactly(
                        "JWT_SECRET is missing",
                        "OSS_IDENTITY_SECRET is weak (5 characters, at least 32 needed)");
        assertThat(
                        SecretRules.productionProblems(
                                "q3J8v0Zk+7mYwQp1s9TtR2eXhLc4Nf6B",
                                "Zr5w9Lq2Xc7Vb1Nm4Kj8Hg3Fd6Sa0Pt+"))
                .isEmpty();
    }
}
