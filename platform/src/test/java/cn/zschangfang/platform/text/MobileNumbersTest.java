package cn.zschangfang.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13800138000",
                "+86 138 0013 8000",
                "+86-138-0013-8000",
                "0086 13800138000",
                "8613800138000",
                "86 138 0013 8000",
                " 138-0013-8000 ",
                "(+86) 138 0013 8000",
                "138.0013.8000",
            })
    void acceptedFormsAreNormalizedToElevenDigits(String input) {
        assertThat(MobileNumbers.normalize(input)).hasValue("13800138000");
    }

    /** What Chinese input methods produce in full-width mode: digits, plus sign, hyphens, spaces, parentheses. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "１３８００１３８０００",
                "＋８６ １３８ ００１３ ８０００",
                "＋８６－１３８－００１３－８０００",
                "１３８\u3000００１３\u3000８０００",
                "（＋８６）１３８００１３８０００",
                "８６１３８００１３８０００",
                "138—0013—8000",
                "138\u00a00013\u00a08000",
                "\u200b13800138000\u200b",
                "１３８．００１３．８０００",
            })
    void fullWidthDigitsAndSeparatorsAreNormalizedBeforeValidating(String input) {
        assertThat(MobileNumbers.normalize(input)).hasValue("13800138000");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12800138000",
                "1380013800",
                "138001380001",
                "0760-88888888",
                "abc",
                "",
                "+1 2025550123",
                "１２８００１３８０００",
                "١٣٨٠٠١٣٨٠٠٠",
                "138-0013-800０0",
                "138-0013-800a",
                "+1 13800138000",
                "86+13800138000"
            })
    void nonMainlandMobilesAreRejected(String input) {
        assertThat(MobileNumbers.normalize(input)).isEmpty();
    }
}
