package org.promisedesk.icp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void shouldAcceptTheWellKnownSampleWithCheckX() {
        assertThat(ResidentIds.problem("11010519491231002X", TODAY)).isNull();
        assertThat(ResidentIds.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @ParameterizedTest
    @CsvSource({"310104, 1985-06-15, 123", "440305, 1990-02-28, 456", "510107, 2000-02-29, 001", "650102, 1960-01-01, 987"})
    void shouldAcceptComputedNumbers(String region, LocalDate birth, String sequence) {
        assertThat(ResidentIds.problem(CheckDigits.residentId(region, birth, sequence), TODAY)).isNull();
    }

    @Test
    void shouldAcceptSomeoneTurning18Today() {
        assertThat(ResidentIds.problem(CheckDigits.residentId("310104", TODAY.minusYears(18), "123"), TODAY)).isNull();
    }

    @Test
    void shouldNameWhatIsWrong() {
        String valid = CheckDigits.residentId("310104", LocalDate.of(1985, 6, 15), "123");

        assertThat(ResidentIds.problem(CheckDigits.wrongLast(valid, "0123456789X"), TODAY)).isEqualTo(Problem.CHECK_DIGIT);
        assertThat(ResidentIds.problem("11010519491231002", TODAY)).isEqualTo(Problem.LENGTH);
        assertThat(ResidentIds.problem("1101051949123100X2", TODAY)).isEqualTo(Problem.CHARACTERS);
        assertThat(ResidentIds.problem("11010519491231002x", TODAY)).isEqualTo(Problem.CHARACTERS);
        assertThat(ResidentIds.problem(CheckDigits.withIdCheck("99010519491231002"), TODAY)).isEqualTo(Problem.FORMAT);
        assertThat(ResidentIds.problem(CheckDigits.withIdCheck("31010419851315123"), TODAY))
                .as("13th month").isEqualTo(Problem.BIRTH_DATE);
        assertThat(ResidentIds.problem(CheckDigits.withIdCheck("31010420010229123"), TODAY))
                .as("29 February of a common year").isEqualTo(Problem.BIRTH_DATE);
        assertThat(ResidentIds.problem(CheckDigits.withIdCheck("31010418991231123"), TODAY)).isEqualTo(Problem.BIRTH_DATE);
        assertThat(ResidentIds.problem(CheckDigits.residentId("310104", TODAY.plusDays(1), "123"), TODAY))
                .as("born tomorrow").isEqualTo(Problem.BIRTH_DATE);
        assertThat(ResidentIds.problem(CheckDigits.residentId("310104", TODAY.minusYears(18).plusDays(1), "123"), TODAY))
                .isEqualTo(Problem.TOO_YOUNG);
    }
}
