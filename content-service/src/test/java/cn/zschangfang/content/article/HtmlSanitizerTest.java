package cn.zschangfang.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void scriptBodyComesOutWithoutScript() {
        String clean = HtmlSanitizer.sanitize("<p>中山</p><script>alert('x')</script><SCRIPT src=//evil.js></SCRIPT>");
        assertThat(clean).isEqualTo("<p>中山</p>");
    }

    @Test
    void eventHandlersAndJavascriptUrlsAreRemovedButContentStays() {
        String clean = HtmlSanitizer.sanitize(
                "<img src=\"https://img.zschangfang.cn/a.jpg\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\">链接</a>"
                        + "<iframe src=\"https://evil\"></iframe><h2 style=\"x\">标题</h2><a href=\"/articles/a\">站内</a>");
        assertThat(clean)
                .contains("src=\"https://img.zschangfang.cn/a.jpg\"")
                .contains("链接")
                .contains("<h2>标题</h2>")
                .contains("href=\"/articles/a\"")
                .doesNotContain("onerror")
                .doesNotContain("javascript")
                .doesNotContain("iframe")
                .doesNotContain("style");
    }

    @Test
    void summaryIsTheTextOfTheBodyCutAt120CodePoints() {
        String body = "<p>" + "工".repeat(200) + "</p>";
        String summary = HtmlSanitizer.summaryOf(body);
        assertThat(summary.codePointCount(0, summary.length())).isEqualTo(121);
        assertThat(summary).endsWith("…").doesNotContain("<p>");
        assertThat(HtmlSanitizer.summaryOf("<p>短</p>")).isEqualTo("短");
    }
}
