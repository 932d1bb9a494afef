package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signs a seeded agent of the local profile in the way a person does: mobile on the sign-in page, the link from the
 * agent's robot (here the notify sandbox), opened in the same browser. Also submits leads as a partner backend.
 */
final class AgentSignin {

    /** The local profile's demo agent and duty manager (notify-service application-local.yml). */
    static final String AGENT_MOBILE = "13900000001";

    static final String AGENT_ROBOT = "demo-geyiming";
    static final String MANAGER_MOBILE = "13900000002";
    static final String MANAGER_ROBOT = "duty-manager";

    private static final Pattern LINK = Pattern.compile("(https?://[^\\s)\"]+/agent/signin\\?token=[A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentSignin() {}

    /** Types the mobile (as a phone keyboard gives it), then opens the link that arrived; returns the link. */
    static String signIn(Browser browser, String mobileAsTyped, String robotKey, String screenshotPrefix)
            throws Exception {
        Set<String> before = links(robotKey);
        browser.open(BrowserStack.gateway() + "/agent/login");
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("mobile")));
        if (screenshotPrefix != null) {
            browser.screenshot(screenshotPrefix + "-login");
        }
        browser.find("#mobile").sendKeys(mobileAsTyped);
        browser.find(".signin__form button[type=submit]").click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".signin__title"), "链接已发送"));
        if (screenshotPrefix != null) {
            browser.screenshot(screenshotPrefix + "-link-sent");
        }
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Set<String> now = links(robotKey);
                    now.removeAll(before);
                    if (now.isEmpty()) {
                        return false;
                    }
                    link[0] = now.iterator().next();
                    return true;
                });
        browser.open(link[0]);
        return link[0];
    }

    /** The sign-in session of one browser, for another browser (other screen size) of the same person. */
    static void copySession(Browser from, Browser to) throws Exception {
        Cookie session = from.driver().manage().getCookieNamed("zs_agent");
        assertThat(session).as("session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        to.open(BrowserStack.gateway() + "/robots.txt");
        to.driver().manage().addCookie(session);
    }

    /** A lead as a partner backend submits it; returns the lead id. */
    static String submitLead(String town, String company, String phone) throws Exception {
        String body = """
                {"intent":"LEASE","propertyType":"FACTORY","town":"%s","areaSqm":{"min":2000,"max":5000},
                 "use":"五金加工","expectedAnnualTaxWan":120,"company":"%s","contactName":"张建国","phone":"%s",
                 "message":"需要带行车的单层厂房，层高8米以上，三个月内入驻。","consent":true}
                """.formatted(town, company, phone);
        HttpResponse<String> response =
                BrowserStack.send(HttpRequest.newBuilder(URI.create(BrowserStack.gateway() + "/api/leads"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", "local-integration-key")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** The 确认接单 link of the robot message about {@code leadId} (waits for the message). */
    static String ackLink(String leadId) throws Exception {
        Pattern ack = Pattern.compile("(https?://[^\\s)\"]+/ack/[A-Za-z0-9_.-]+)");
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String body = BrowserStack.httpGet("/api/notify/sandbox/messages?limit=50&key=" + AGENT_ROBOT)
                            .body();
                    for (JsonNode message : JSON.readTree(body)) {
                        String text = message.get("body").toString();
                        Matcher m = ack.matcher(text);
                        if (text.contains(leadId) && m.find()) {
                            link[0] = m.group(1);
                            return true;
                        }
                    }
                    return false;
                });
        return link[0];
    }

    /** One article view as a visitor's browser beacon sends it. */
    static void view(String slug, String visitorId) throws Exception {
        HttpResponse<String> response = BrowserStack.send(HttpRequest.newBuilder(
                        URI.create(BrowserStack.gateway() + "/api/content/articles/" + slug + "/views"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"visitorId\":\"" + visitorId + "\",\"referrer\":null}", StandardCharsets.UTF_8))
                .build());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private static Set<String> links(String robotKey) throws Exception {
        Set<String> links = new HashSet<>();
        String body = BrowserStack.httpGet("/api/notify/sandbox/messages?limit=50&key=" + robotKey)
                .body();
        for (JsonNode message : JSON.readTree(body)) {
            Matcher m = LINK.matcher(message.get("body").toString());
            while (m.find()) {
                links.add(m.group(1));
            }
        }
        return links;
    }
}
