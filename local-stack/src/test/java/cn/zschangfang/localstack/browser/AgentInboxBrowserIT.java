package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The agent's side in a real headless Chromium on a 390×844 phone against the real stack: sign-in through the link
 * the sandbox robot received, the new lead in the inbox, the full number revealed on tap (and recorded), the lead
 * acknowledged and moved on; screenshots of each inbox page at phone and desktop size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentInboxBrowserIT {

    @BeforeAll
    void stack() throws Exception {
        BrowserStack.open();
    }

    @Test
    void agentSignsInByTheRobotsLinkRevealsTheMobileAndAcknowledgesTheLeadOnAPhone() throws Exception {
        String company = "中山市沙溪恒达五金制品有限公司-" + UUID.randomUUID().toString().substring(0, 6);
        String phoneNumber = "1380013" + String.format("%04d", (int) (Math.random() * 10_000));
        String leadId = AgentSignin.submitLead("沙溪", company, phoneNumber);

        try (Browser phone = Browser.phone();
                Browser desktop = Browser.desktop()) {
            AgentSignin.signIn(phone, "+86 139 0000 0001", AgentSignin.AGENT_ROBOT, "agent-phone");

            // the link signs in and lands on the inbox, the new lead among the new ones
            By cardOfLead = By.cssSelector("a.leadcard__link[href='/agent/leads/" + leadId + "']");
            phone.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/agent$"));
            // the lead is the agent's once notify's routing reached lead-service: pull to refresh until then
            phone.waitUpTo(Duration.ofSeconds(20)).until(d -> {
                if (d.findElements(cardOfLead).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            });
            WebElement card = phone.find("a.leadcard__link[href='/agent/leads/" + leadId + "']");
            assertThat(phone.driver().getTitle()).startsWith("我的询盘");
            assertThat(phone.findAll("main")).as("one <main> landmark per page").hasSize(1);
            assertThat(card.getText()).contains("求租厂房", "沙溪镇", "138****").doesNotContain(phoneNumber);
            assertThat(phone.find(".countdown").getText()).matches("剩余 \\d+:\\d\\d 确认|已超时 \\d+ 分钟");
            phone.screenshot("agent-inbox-phone");

            phone.scrollTo(card).click();
            phone.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("reveal-button")));
            assertThat(phone.find("#contact-phone").getText()).isEqualTo("138****" + phoneNumber.substring(7));
            assertThat(phone.find("#call-button").isDisplayed()).isFalse();
            assertThat(phone.find(".facts").getText()).contains(company, "2,000–5,000 ㎡", "120 万元", "五金加工");
            phone.screenshot("agent-lead-phone");

            // the full number on tap, with a call button
            phone.scrollTo(phone.find("#reveal-button")).click();
            phone.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.id("contact-phone"), phoneNumber));
            assertThat(phone.find("#contact-name").getText()).isEqualTo("张建国");
            WebElement call = phone.find("#call-button");
            assertThat(call.isDisplayed()).isTrue();
            assertThat(call.getAttribute("href")).isEqualTo("tel:" + phoneNumber);
            phone.screenshot("agent-lead-revealed-phone");

            // acknowledge: the status changes and the reveal is on the timeline
            phone.scrollTo(phone.find("#ack-button")).click();
            phone.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("lead-status"), "已接单"));
            assertThat(phone.find(".alert--ok").getText()).contains("已确认接单");
            assertThat(phone.find(".timeline").getText()).contains("查看完整联系方式", "状态变更");
            assertThat(phone.findAll("#ack-button")).isEmpty();

            // and move it on with a reason
            new Select(phone.scrollTo(phone.find("#status"))).selectByValue("CONTACTED");
            phone.find("#reason").sendKeys("已电话沟通，周五带客户看厂");
            phone.find("#status-button").click();
            phone.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("lead-status"), "已联系"));
            assertThat(phone.find(".timeline").getText()).contains("已电话沟通，周五带客户看厂");
            phone.screenshot("agent-lead-contacted-phone");

            phone.open(BrowserStack.gateway() + "/agent?tab=open");
            assertThat(phone.find("a.leadcard__link[href='/agent/leads/" + leadId + "']")
                            .getText())
                    .contains("已联系");
            phone.screenshot("agent-inbox-open-phone");

            // the same person on a laptop
            AgentSignin.copySession(phone, desktop);
            desktop.open(BrowserStack.gateway() + "/agent?tab=open");
            desktop.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".leadcard")));
            desktop.screenshot("agent-inbox-desktop");
            desktop.open(BrowserStack.gateway() + "/agent/leads/" + leadId);
            desktop.screenshot("agent-lead-desktop");

            // sign-out ends the session on the server: the cookie no longer opens the inbox
            phone.scrollTo(phone.find(".appbar__logout button")).click();
            phone.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("mobile")));
            desktop.open(BrowserStack.gateway() + "/agent");
            assertThat(desktop.driver().getCurrentUrl()).endsWith("/agent/login");
            desktop.screenshot("agent-login-desktop");
        }
    }

    @Test
    void theAcknowledgementLinkInTheRobotMessageOpensThatLeadSignedIn() throws Exception {
        String company = "中山市港口宏图包装有限公司-" + UUID.randomUUID().toString().substring(0, 6);
        String leadId = AgentSignin.submitLead("港口", company, "13700137000");
        String ackUrl = AgentSignin.ackLink(leadId);

        try (Browser phone = Browser.phone()) {
            phone.open(ackUrl); // a fresh browser: no session yet
            phone.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/agent/leads/" + leadId));
            phone.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("lead-status"), "已接单"));
            assertThat(phone.find(".alert--ok").getText()).contains("已确认接单");
            assertThat(phone.find(".facts").getText()).contains(company);
            assertThat(phone.driver().manage().getCookieNamed("zs_agent")).isNotNull();
            phone.screenshot("agent-lead-from-ack-link-phone");
        }
    }
}
