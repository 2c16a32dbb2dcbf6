package id.oss.livechat.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldCheckTest {

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(
                        () ->
                                FieldCheck.of()
                                        .required("contact_name", null, 255)
                                        .email("contact_email", "nope")
                                        .phone("contact_phone", "12")
                                        .orThrow())
                .isInstanceOfSatisfying(
                        Problem.class,
                        p ->
                                assertThat(p.fields())
                                        .containsOnlyKeys(
                                                "contact_name", "contact_email", "contact_phone"));
    }

    @Test
    void acceptsTheAddressesAndNumbersPeopleUse() {
        FieldCheck check =
                FieldCheck.of()
                        .email("a", "john.doe+oss@company.co.id")
                        .email("b", "siti@kementerian.go.id")
                        .phone("c", "+6281234567890")
                        .phone("d", "(021) 555-1234")
                        .phone("e", "0812 3456 7890");
        assertThat(check.hasErrors()).isFalse();
    }

    @Test
    void controlCharactersInTextAreRefused() {
        assertThat(FieldCheck.of().optional("topic", "a\u0000b", 10).hasErrors()).isTrue();
        assertThat(FieldCheck.of().optional("topic", "baris\nbaru", 20).hasErrors()).isFalse();
    }
}
