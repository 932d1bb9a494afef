package cn.zschangfang.notify.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13800138000",
                "+86 138 0013 8000",
                "+8613800138000",
                "0086-138-0013-8000",
                "8613800138000",
                "１３８００１３８０００",
                "＋８６ １３８００１３８０００",
                " 138\u30000013 8000 "
            })
    void acceptsWhatAnAgentTypesOnAPhone(String raw) {
        assertThat(MobileNumbers.normalize(raw)).contains("13800138000");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "12800138000",
                "1380013800",
                "138001380000",
                "138-0013-800a",
                "+1 13800138000",
                "86+13800138000"
            })
    void refusesWhatIsNoMainlandMobile(String raw) {
        assertThat(MobileNumbers.normalize(raw)).isEmpty();
    }
}
