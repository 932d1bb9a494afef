package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole way of an inquiry as people see it, in two browser windows against the real stack: a visitor fills in
 * the inquiry form on a phone while the duty manager watches {@code /dashboard} on a wall screen; the screen shows
 * the new lead within 5 s of the form's success state, without a reload, and the lead reaches the agent's robot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardInquiryFormBrowserIT {

    private String gateway;

    @BeforeAll
    void stack() throws Exception {
        gateway = BrowserStack.open();
    }

    @Test
    void aLeadSentThroughTheFormReachesTheOpenDashboardWithinFiveSecondsAndTheRobot() throws Exception {
        try (Browser wall = Browser.desktop();
                Browser phone = Browser.phone()) {
            AgentSignin.signIn(wall, AgentSignin.MANAGER_MOBILE, AgentSignin.MANAGER_ROBOT, null);
            wall.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/dashboard"));
            wall.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "实时"));
            wall.script("window.__noReload = true;"); // gone if the page reloads

            String company = "中山市古镇灯饰配件厂-" + UUID.randomUUID().toString().substring(0, 6);
            phone.open(gateway + "/");
            phone.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-inquiry-form]")));
            phone.scrollTo(phone.find("label:has(input[name=propertyType][value=FACTORY])"))
                    .click();
            new Select(phone.find("#f-town")).selectByVisibleText("古镇镇");
            phone.find("#f-area-min").sendKeys("1500");
            phone.find("#f-area-max").sendKeys("3000");
            phone.find("#f-company").sendKeys(company);
            phone.find("#f-name").sendKeys("何小姐");
            phone.find("#f-phone").sendKeys("139 2233 4455");
            phone.scrollTo(phone.find("label.check:has(input[name=consent]) > span"))
                    .click();
            phone.scrollTo(phone.find("[data-submit]")).click();

            WebElement success = phone.waitUpTo(Duration.ofSeconds(60))
                    .withMessage(() ->
                            "form error: " + phone.find("[data-form-error]").getText())
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-success]")));
            long shown = System.nanoTime();
            String leadId = success.getAttribute("data-lead-id");
            assertThat(leadId).isNotBlank();

            wall.waitUpTo(Duration.ofSeconds(5))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#feed li[data-lead-id='" + leadId + "']")));
            System.out.println("dashboard showed the form's lead " + (System.nanoTime() - shown) / 1_000_000
                    + " ms after the success state");
            assertThat(wall.script("return window.__noReload === true;")).isEqualTo(true);
            // read again on each poll: the feed re-renders the item when the lead's routing and delivery arrive
            wall.waitUpTo(Duration.ofSeconds(5)).until(d -> {
                String item = d.findElement(By.cssSelector("#feed li[data-lead-id='" + leadId + "']"))
                        .getText();
                return item.contains("古镇镇") && item.contains("求租厂房");
            });
            wall.screenshot("dashboard-form-lead-desktop");

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> BrowserStack.httpGet("/api/notify/sandbox/messages?limit=100")
                            .body()
                            .contains(leadId));
            assertThat(BrowserStack.httpGet("/api/notify/sandbox/messages?limit=100")
                            .body())
                    .as("the robot gets the town, never the full mobile")
                    .contains("古镇镇")
                    .doesNotContain("13922334455");
        }
    }
}
