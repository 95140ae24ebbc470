package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The score at the start of a survey reply. */
class SurveysTest {

    @ParameterizedTest(name = "''{0}'' -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            5                                   | 5    | null
            4 - quick, but missed the point     | 4    | quick, but missed the point
            '  3: ok'                           | 3    | ok
            ４分 很好                            | 4    | 很好
            5/5 great                           | 5    | great
            1。太慢了                            | 1    | 太慢了
            10 out of 10                        | null | null
            0                                   | null | null
            Very good service                   | null | null
            """)
    void shouldReadALeadingScoreAndTheRestAsComment(String reply, Integer score, String comment) {
        Surveys.Parsed parsed = Surveys.parse(reply);
        if (score == null) {
            assertThat(parsed).isNull();
        } else {
            assertThat(parsed).isEqualTo(new Surveys.Parsed(score, comment));
        }
    }
}
