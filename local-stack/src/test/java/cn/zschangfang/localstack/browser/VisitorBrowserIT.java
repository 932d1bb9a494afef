package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The visitor's side of the portal in a real headless Chromium against the real stack: the inquiry form on a phone
 * (field errors from the browser's own check and from the API's ProblemDetail, the success state, the lead at the
 * agent's robot), exact view counting, and screenshots of every visitor page at phone and desktop size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorBrowserIT {

    static final String SEED = "zhongshan-village-industrial-park-renovation-shunde-model";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String gateway;

    @BeforeAll
    void stack() throws Exception {
        gateway = BrowserStack.open();
    }

    @Test
    void visitorOnAPhoneCorrectsAnInvalidMobileAndTheLeadReachesTheAgentsRobot() throws Exception {
        try (Browser phone = Browser.phone()) {
            phone.open(gateway + "/articles/" + SEED);
            assertThat(phone.driver().getTitle()).isEqualTo("对标顺德闯出新路!中山专题研讨低效工业园改造问题 - 中山厂房网");
            WebElement form = phone.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            org.openqa.selenium.By.cssSelector("[data-inquiry-form]")));

            phone.scrollTo(phone.find("label:has(input[name=propertyType][value=WAREHOUSE])"))
                    .click();
            new Select(phone.find("#f-town")).selectByVisibleText("沙溪镇");
            phone.find("#f-area-min").sendKeys("2000");
            phone.find("#f-area-max").sendKeys("5000");
            phone.find("#f-use").sendKeys("五金加工");
            phone.find("#f-tax").sendKeys("-5");
            phone.find("#f-company").sendKeys("中山市沙溪某某五金制品有限公司");
            phone.find("#f-name").sendKeys("张先生");
            phone.find("#f-phone").sendKeys("1380013800");
            WebElement consent = phone.find("input[name=consent]");
            // A thumb taps the sentence, not the 18 px box.
            phone.scrollTo(phone.find("label.check:has(input[name=consent]) > span"))
                    .click();
            assertThat(consent.isSelected()).as("consent ticked").isTrue();
            assertThat(phone.find("input[name=marketingSmsConsent]").isSelected())
                    .as("the marketing opt-in starts unticked")
                    .isFalse();
            phone.scrollTo(phone.find("[data-submit]")).click();

            WebElement phoneError = phone.find("[data-error-for=phone]");
            phone.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(phoneError));
            assertThat(phoneError.getText()).contains("请输入有效的11位中国大陆手机号码");
            assertThat(phone.find("#f-phone").getAttribute("aria-invalid")).isEqualTo("true");
            phone.scrollTo(phone.find("#f-phone"));
            phone.screenshot("inquiry-invalid-mobile-phone");

            // +86, spaces and full-width digits are what people type on a Chinese keyboard.
            WebElement mobile = phone.find("#f-phone");
            mobile.clear();
            mobile.sendKeys("+86 １３８ ００１３ ８０００");
            phone.scrollTo(phone.find("[data-submit]")).click();

            // The browser accepts -5 万元; lead-service does not, and its ProblemDetail lands at the field.
            WebElement taxError = phone.find("[data-error-for=expectedAnnualTaxWan]");
            phone.waitUpTo(Duration.ofSeconds(60))
                    .withMessage(() ->
                            "form error: " + phone.find("[data-form-error]").getText() + ", proof of work: "
                                    + phone.find("[data-inquiry-form]").getAttribute("data-altcha"))
                    .until(ExpectedConditions.visibilityOf(taxError));
            assertThat(taxError.getText()).contains("预计年纳税额（万元）应为不小于0的数字");
            assertThat(phoneError.isDisplayed()).isFalse();

            WebElement tax = phone.find("#f-tax");
            tax.clear();
            tax.sendKeys("80");
            WebElement submit = phone.scrollTo(phone.find("[data-submit]"));
            submit.click();
            // A second tap while the first is on its way must not send a second inquiry.
            phone.script(
                    "arguments[0].form && arguments[0].form.dispatchEvent(new Event('submit', {cancelable: true}))",
                    submit);

            WebElement success = phone.waitUpTo(Duration.ofSeconds(60))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            org.openqa.selenium.By.cssSelector("[data-success]")));
            String leadId = success.getAttribute("data-lead-id");
            assertThat(success.getText()).contains("提交成功", "询盘编号", "138****8000");
            assertThat(phone.find("[data-reference]").getText())
                    .isEqualTo("ZS-" + leadId.substring(0, 8).toUpperCase());
            phone.screenshot("inquiry-success-phone");

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        String messages = BrowserStack.httpGet("/api/notify/sandbox/messages?limit=100")
                                .body();
                        return messages.contains(leadId);
                    });
            String messages = BrowserStack.httpGet("/api/notify/sandbox/messages?limit=100")
                    .body();
            assertThat(messages).contains("沙溪镇").doesNotContain("13800138000");
            long messagesOfThisLead = 0;
            for (JsonNode message : JSON.readTree(messages)) {
                if (message.toString().contains(leadId)) {
                    messagesOfThisLead++;
                }
            }
            assertThat(messagesOfThisLead)
                    .as("one inquiry, one message to the agent")
                    .isEqualTo(1);
        }
    }

    @Test
    void aPageViewCountsOnceAndAReloadWithinTheDedupeWindowDoesNotCountAgain() throws Exception {
        // An article no other test opens, so that only this test's views move its counter.
        String slug = JSON.readTree(
                        BrowserStack.httpGet("/api/content/articles/" + SEED).body())
                .get("related")
                .get(0)
                .get("slug")
                .asText();
        long before = views(slug);

        try (Browser desktop = Browser.desktop()) {
            desktop.open(gateway + "/articles/" + slug);
            awaitBeaconAccepted(desktop);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> views(slug) == before + 1);

            desktop.driver().navigate().refresh();
            awaitBeaconAccepted(desktop);
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> views(slug) == before + 1);
        }
    }

    @Test
    void everyVisitorPageAtPhoneAndDesktopSize() throws Exception {
        String[][] pages = {
            {"home", "/"},
            {"article", "/articles/" + SEED},
            {"tag", "/tags/%E4%B8%AD%E5%B1%B1%E5%B7%A5%E4%B8%9A%E5%9B%AD"},
            {"search", "/articles?q=%E5%B7%A5%E4%B8%9A%E5%9B%AD"},
            {"not-found", "/articles/no-such-article"},
        };
        try (Browser phone = Browser.phone();
                Browser desktop = Browser.desktop()) {
            for (String[] page : pages) {
                for (Browser browser : new Browser[] {phone, desktop}) {
                    browser.open(gateway + page[1]);
                    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
                    assertThat(browser.find(".site-header").isDisplayed()).isTrue();
                    assertThat(browser.horizontalOverflow())
                            .as(page[0] + " fits the screen without sideways scrolling")
                            .isZero();
                    browser.screenshot(page[0] + "-" + (browser == phone ? "phone" : "desktop"));
                }
            }
            assertThat(desktop.driver().getTitle()).contains("页面不存在");
        }
    }

    private static void awaitBeaconAccepted(Browser browser) {
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> "202".equals(browser.find("#main").getAttribute("data-view-beacon")));
    }

    private static long views(String slug) throws Exception {
        JsonNode article = JSON.readTree(
                BrowserStack.httpGet("/api/content/articles/" + slug).body());
        return article.get("views").asLong();
    }
}
