package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.localstack.DemoData;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The manager's live board on a 1920×1080 screen against the real stack: signed in by the same link flow as agents
 * (role MANAGER), it shows a lead submitted while it is open within 5 s, without a reload (Server-Sent Events fed
 * by the site's own Kafka consumer, through the gateway).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    /** The demo article the local stack imports. */
    @BeforeAll
    void stack() throws Exception {
        BrowserStack.open();
    }

    @Test
    void aNewLeadReachesTheOpenDashboardWithinFiveSecondsWithoutAReload() throws Exception {
        try (Browser wall = Browser.desktop();
                Browser phone = Browser.phone()) {
            AgentSignin.signIn(wall, "139 0000 0002", AgentSignin.MANAGER_ROBOT, null);
            wall.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/dashboard"));
            assertThat(wall.driver().getTitle()).startsWith("实时数据看板");
            wall.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "实时"));
            wall.script("window.__noReload = true;"); // gone if the page reloads
            long leadsBefore = Long.parseLong(wall.find("#k-today").getText());

            // visitors reading: live views and active visitors go up without a reload
            long viewsBefore = Long.parseLong(wall.find("#k-views").getText());
            for (int i = 0; i < 6; i++) {
                AgentSignin.view(DemoData.SEED_ARTICLE, "dash-" + UUID.randomUUID());
            }
            wall.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> Long.parseLong(d.findElement(By.id("k-active")).getText()) >= 6
                            && Long.parseLong(d.findElement(By.id("k-views")).getText()) >= viewsBefore + 6);
            assertThat(wall.find("#top").getText()).contains("对标顺德");

            String leadId = AgentSignin.submitLead(
                    "小榄", "中山市小榄精密模具有限公司-" + UUID.randomUUID().toString().substring(0, 6), "13912345678");
            long submitted = System.nanoTime();
            wall.waitUpTo(Duration.ofSeconds(5))
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#feed li[data-lead-id='" + leadId + "']")));
            long millis = (System.nanoTime() - submitted) / 1_000_000;
            System.out.println("dashboard showed the new lead " + millis + " ms after the POST returned");
            assertThat(wall.script("return window.__noReload === true;")).isEqualTo(true);
            // read again on each poll: the feed re-renders the item when the lead's routing and delivery arrive
            wall.waitUpTo(Duration.ofSeconds(5)).until(d -> {
                String item = d.findElement(By.cssSelector("#feed li[data-lead-id='" + leadId + "']"))
                        .getText();
                return item.contains("小榄镇") && item.contains("求租厂房");
            });
            wall.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> Long.parseLong(d.findElement(By.id("k-today")).getText()) > leadsBefore);
            // the town chart (and its text table) and the agents' table catch up once lead-service's stats have it
            wall.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("town-table"))
                            .getAttribute("textContent")
                            .contains("小榄镇"));
            // 小榄 is 陈静's town (application-local.yml): the lead is hers, whichever tests ran before this one.
            wall.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("agents")).getText().contains("陈静"));
            wall.screenshot("dashboard-desktop");

            AgentSignin.copySession(wall, phone);
            phone.open(BrowserStack.gateway() + "/dashboard");
            phone.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "实时"));
            phone.screenshot("dashboard-phone");
        }
    }
}
