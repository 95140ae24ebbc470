package org.promisedesk.icp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the well-known sample code
            "914403001922038216", // published codes of well-known companies
            "9144030071526726XG",
            "91110000802100433B"})
    void shouldAcceptRealCodes(String code) {
        assertThat(CreditCodes.problem(code)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"310115,12345678", "440300,MA5F0000", "110108,MA012345", "330106,MA1W2X3Y"})
    void shouldAcceptComputedCodes(String division, String organizationBase) {
        assertThat(CreditCodes.problem(CheckDigits.uscc(division, organizationBase))).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y42, check-digit",   // last character mistyped
            "91350100M000100Y53, check-digit",   // a character of the organization code mistyped
            "91350100M000100Y4, length",
            "91350100M000100Y433, length",
            "91350100M000100I43, characters",    // I is not in the alphabet (nor O, S, V, Z)
            "91350100m000100y43, characters",    // callers upper-case first
            "91A50100M000100Y43, format"})       // the division is digits
    void shouldNameWhatIsWrong(String code, String problem) {
        assertThat(CreditCodes.problem(code)).isEqualTo(problem);
    }

    @Test
    void shouldCheckTheOrganizationCodeInsideToo() {
        String valid = CheckDigits.uscc("310115", "12345678");
        char other = valid.charAt(16) == '0' ? '1' : '0';
        String first17 = valid.substring(0, 16) + other;
        String tampered = first17 + CreditCodes.checkCharacter(first17); // the overall check fits again

        assertThat(CreditCodes.problem(tampered)).isEqualTo(Problem.CHECK_DIGIT);
    }

    @Test
    void shouldMapTheCheckValue31ToZero() {
        boolean sawZero = false;
        for (int i = 0; i < 2000 && !sawZero; i++) {
            String code = CheckDigits.uscc("110105", String.format("%08d", i));
            assertThat(CreditCodes.problem(code)).as(code).isNull();
            sawZero = code.endsWith("0");
        }
        assertThat(sawZero).isTrue();
    }
}
