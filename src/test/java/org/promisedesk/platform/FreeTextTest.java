package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-text rule every text field shares, character by character. */
class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Backup restore", "Résumé 请恢复备份", "مرحبا", "\uD83D\uDC69\u200D\uD83D\uDCBB laptop",
            "soft\u00ADhyphen", "tab\there", "a"})
    void shouldTakePlainTextOnOneLine(String text) {
        assertThat(FreeText.singleLineProblem(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Line one\nline two", "Windows\r\nlines", "para\u2029graph", "\tindented\n\n"})
    void shouldTakeLineBreaksInMultiLineText(String text) {
        assertThat(FreeText.multiLineProblem(text)).isNull();
    }

    static Stream<Arguments> notPlainText() {
        return Stream.of(
                Arguments.of("NUL\u0000byte", "contains a control character (U+0000)"),
                Arguments.of("escape\u001B[2J", "contains a control character (U+001B)"),
                Arguments.of("delete\u007F", "contains a control character (U+007F)"),
                Arguments.of("next line\u0085", "contains a control character (U+0085)"),
                Arguments.of("lone\rreturn", "contains a carriage return that does not end a line (U+000D)"),
                Arguments.of("rtl \u202Eoverride", "contains a bidirectional text control character (U+202E)"),
                Arguments.of("lre \u202Aembedding", "contains a bidirectional text control character (U+202A)"),
                Arguments.of("isolate \u2066x\u2069", "contains a bidirectional text control character (U+2066)"),
                Arguments.of("\u200B\u200C\u200D", "has no visible characters"),
                Arguments.of("\uFEFF\u2060 \u00A0", "has no visible characters"),
                Arguments.of("\u3164\u3164", "has no visible characters"));
    }

    @ParameterizedTest
    @MethodSource("notPlainText")
    void shouldRefuseWhatIsNotPlainText(String text, String problem) {
        assertThat(FreeText.multiLineProblem(text)).isEqualTo(problem);
        assertThat(FreeText.singleLineProblem(text)).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subject\nBcc: x@evil.example", "Subject\r\nBcc: x", "a\u2028b"})
    void shouldRefuseALineBreakInOneLineText(String text) {
        assertThat(FreeText.singleLineProblem(text)).isEqualTo("must be a single line: it contains a line break");
    }

    static Stream<Arguments> cleaned() {
        return Stream.of(
                Arguments.of("Invoice \u202Egpj.exe", false, "Invoice gpj.exe"),
                Arguments.of("Subject\r\nBcc: x", false, "Subject Bcc: x"),
                Arguments.of("one\rtwo\r\nthree\u0000", true, "one\ntwo\nthree"),
                Arguments.of("\u200B\u200B", false, ""));
    }

    @ParameterizedTest
    @MethodSource("cleaned")
    void shouldCleanTextNobodyCanBeAskedToSendAgain(String text, boolean multiLine, String cleaned) {
        assertThat(FreeText.cleaned(text, multiLine)).isEqualTo(cleaned);
        assertThat(FreeText.problem(FreeText.cleaned(text, multiLine), multiLine)).isNull();
    }
}
