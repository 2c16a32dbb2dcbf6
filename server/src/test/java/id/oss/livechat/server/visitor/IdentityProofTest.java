package id.oss.livechat.server.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityProofTest {
    private final IdentityProof proof = new IdentityProof("portal-secret");

    @Test
    void acceptsTheHmacThePortalComputes() {
        // computed independently: python3 -c "import hmac,hashlib;
        //   print(hmac.new(b'portal-secret',b'USER123',hashlib.sha256).hexdigest())"
        String portalHash = "f34b8dfbf58057d679a1335ff9a8b6853413a8a190f11793aca2ab28e7da4257";
        assertThat(IdentityProof.hashFor("portal-secret", "USER123")).isEqualTo(portalHash);
        assertThat(proof.isValid("USER123", portalHash)).isTrue();
        assertThat(proof.isValid("USER123", portalHash.toUpperCase())).isTrue();
    }

    @Test
    void refusesAHashForAnotherUserOrKeyOrGarbage() {
        assertThat(proof.isValid("USER123", IdentityProof.hashFor("portal-secret", "USER124")))
                .isFalse();
        assertThat(proof.isValid("USER123", IdentityProof.hashFor("other-secret", "USER123")))
                .isFalse();
        assertThat(proof.isValid("USER123", "not hex")).isFalse();
        assertThat(proof.isValid("USER123", "")).isFalse();
        assertThat(proof.isValid("USER123", null)).isFalse();
    }

    @Test
    void withoutASecretNothingIsProven() {
        IdentityProof unconfigured = new IdentityProof("  ");
        assertThat(unconfigured.isConfigured()).isFalse();
        assertThat(
                        unconfigured.isValid(
                                "USER123", IdentityProof.hashFor("portal-secret", "USER123")))
                .isFalse();
    }
}
