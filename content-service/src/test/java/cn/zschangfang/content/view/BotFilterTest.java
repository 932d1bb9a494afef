package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotFilterTest {

    private final BotFilter filter =
            new BotFilter(List.of("bot", "spider", "crawl", "headless", "python-requests"), false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Sogou web spider/4.0",
                "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36",
                "python-requests/2.31",
                "",
                "   "
            })
    void crawlersBotsAndMissingAgentsAreNotCounted(String ua) {
        assertThat(filter.isBot(ua)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
            })
    void browsersAreCounted(String ua) {
        assertThat(filter.isBot(ua)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void missingAgentCanBeAllowedByConfiguration() {
        assertThat(new BotFilter(List.of("bot"), true).isBot(null)).isFalse();
        assertThat(filter.isBot(null)).isTrue();
    }
}
