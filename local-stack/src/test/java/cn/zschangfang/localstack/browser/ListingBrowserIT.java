package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Listings in a real browser against the real stack (content-service's listing API, lead-service's sourceListing):
 * a visitor on a 390×844 phone filters {@code /listings} by town, area and minimum clear height through the filter
 * sheet; a listing page's preset form creates a lead whose {@code sourceListing} is that listing; screenshots of the
 * listing pages and the agent's lead with its matches at phone and desktop size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingBrowserIT {

    private final String marker = UUID.randomUUID().toString().substring(0, 6);
    private String gateway;
    private JsonNode fits;
    private JsonNode tooLow;
    private JsonNode tooSmall;

    @BeforeAll
    void stack() throws Exception {
        gateway = BrowserStack.open();
        fits = DemoListings.publish(factory("小榄镇永宁 单层厂房 3600㎡ 层高9米 " + marker, 3600, 9.0, 630), 3);
        tooLow = DemoListings.publish(factory("小榄镇东区 标准厂房 3000㎡ 层高6米 " + marker, 3000, 6.0, 400), 1);
        tooSmall = DemoListings.publish(factory("小榄镇 小面积厂房 800㎡ 层高10米 " + marker, 800, 10.0, 250), 0);
    }

    @Test
    void aPhoneVisitorFiltersByTownAreaAndMinimumClearHeight() throws Exception {
        try (Browser phone = Browser.phone()) {
            phone.open(gateway + "/listings");
            assertThat(phone.driver().getTitle()).contains("厂房");
            assertThat(phone.horizontalOverflow()).isZero();
            phone.screenshot("listings-phone");

            phone.find(".filters-open").click();
            WebElement sheet = phone.waitUpTo(Duration.ofSeconds(5))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".filters__form")));
            new Select(phone.find("#q-town")).selectByVisibleText("小榄镇");
            phone.find("#q-min-area").sendKeys("2000");
            phone.find("#q-max-area").sendKeys("5000");
            phone.find("#q-height").sendKeys("8");
            phone.screenshot("listings-filter-sheet-phone");
            phone.scrollTo(sheet.findElement(By.cssSelector("[data-filter-submit]")))
                    .click();

            phone.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("minClearHeight=8"));
            assertThat(phone.driver().getCurrentUrl()).contains("minArea=2000", "maxArea=5000");
            String results = phone.find("#results").getText();
            assertThat(results).contains(fits.get("title").asText());
            assertThat(results)
                    .doesNotContain(tooLow.get("title").asText())
                    .doesNotContain(tooSmall.get("title").asText());
            assertThat(phone.find(".filters-open .badge").getText()).isEqualTo("3");
            assertThat(phone.horizontalOverflow()).isZero();
            phone.screenshot("listings-filtered-phone");
        }
        try (Browser desktop = Browser.desktop()) {
            desktop.open(gateway + "/listings?town=%E5%B0%8F%E6%A6%84%E9%95%87");
            assertThat(desktop.find(".filters__form").isDisplayed()).isTrue();
            desktop.screenshot("listings-desktop");
            desktop.open(gateway + "/listings?minClearHeight=59&town=%E7%A5%9E%E6%B9%BE%E9%95%87");
            assertThat(desktop.find(".listings-empty").getText()).contains("暂时没有符合条件的房源");
            desktop.screenshot("listings-empty-desktop");

            // The sort's label says the order the list has: content-service sorts by area smallest first.
            desktop.open(gateway + "/listings?town=%E5%B0%8F%E6%A6%84%E9%95%87&sort=area");
            assertThat(desktop.find(".sorts .is-active").getText()).isEqualTo("面积从小到大");
            String byArea = desktop.find("#results").getText();
            assertThat(byArea.indexOf(tooSmall.get("title").asText()))
                    .isNotNegative()
                    .isLessThan(byArea.indexOf(tooLow.get("title").asText()));
            assertThat(byArea.indexOf(tooLow.get("title").asText()))
                    .isLessThan(byArea.indexOf(fits.get("title").asText()));

            // The home page's latest listings and an article's related listings (its town, else the latest).
            desktop.open(gateway + "/");
            assertThat(desktop.find(".listing-home").getText())
                    .contains(fits.get("title").asText());
            desktop.screenshot("home-listings-desktop");
            desktop.open(gateway + "/articles/" + VisitorBrowserIT.SEED);
            assertThat(desktop.find(".listing-box").getText()).contains("相关房源");
            desktop.screenshot("article-listings-desktop");
        }
        try (Browser phone = Browser.phone()) {
            phone.open(gateway + "/");
            assertThat(phone.horizontalOverflow()).isZero();
            phone.screenshot("home-listings-phone");
        }
    }

    @Test
    void aListingPagesFormCreatesALeadWhoseSourceListingIsThatListing() throws Exception {
        String path = "/listings/" + fits.get("slug").asText();
        String leadId;
        try (Browser phone = Browser.phone()) {
            phone.open(gateway + path);
            assertThat(phone.find("h1").getText()).isEqualTo(fits.get("title").asText());
            assertThat(phone.find(".specs").getText()).contains("层高", "9 m", "配电", "630 kVA");
            assertThat(phone.findAll(".gallery__strip img")).hasSize(3);
            assertThat(phone.horizontalOverflow()).isZero();
            phone.screenshot("listing-phone");

            phone.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-inquiry-form]")));
            assertThat(new Select(phone.find("#f-town"))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("小榄镇");
            assertThat(phone.find("#f-area-max").getAttribute("value")).isEqualTo("3600");
            phone.scrollTo(phone.find(".more__summary")).click();
            phone.find("#f-height").sendKeys("8");
            phone.find("#f-power").sendKeys("500");
            phone.scrollTo(phone.find("label:has(input[name=floor][value=GROUND_ONLY])"))
                    .click();
            phone.find("#f-name").sendKeys("梁先生");
            phone.find("#f-phone").sendKeys("13712345678");
            phone.scrollTo(phone.find("label.check:has(input[name=consent]) > span"))
                    .click();
            phone.screenshot("listing-inquiry-more-phone");
            phone.scrollTo(phone.find("[data-submit]")).click();

            WebElement success = phone.waitUpTo(Duration.ofSeconds(60))
                    .withMessage(() ->
                            "form error: " + phone.find("[data-form-error]").getText())
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-success]")));
            leadId = success.getAttribute("data-lead-id");
        }

        JsonNode lead = DemoListings.lead(leadId);
        assertThat(lead.path("sourceListing").path("listingId").asText())
                .as("the lead names the listing it was sent from: " + lead)
                .isEqualTo(fits.get("id").asText());
        assertThat(lead.path("requirements").path("minClearHeightM").asDouble()).isEqualTo(8.0);
        assertThat(lead.path("requirements").path("floor").asText()).isEqualTo("GROUND_ONLY");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(
                                DemoListings.lead(leadId).path("matches").toString())
                        .contains(fits.get("id").asText()));

        try (Browser desktop = Browser.desktop()) {
            desktop.open(gateway + path);
            desktop.screenshot("listing-desktop");
        }

        // The agent's view of the lead: its needs, the listing it came from, the matches with their reasons.
        String assignee = DemoListings.lead(leadId).path("assigneeId").asText();
        if (AgentSignin.AGENT_ROBOT.equals(assignee)) {
            try (Browser agentPhone = Browser.phone()) {
                AgentSignin.signIn(agentPhone, AgentSignin.AGENT_MOBILE, AgentSignin.AGENT_ROBOT, null);
                agentPhone.open(gateway + "/agent/leads/" + leadId);
                agentPhone.screenshot("agent-lead-matches-phone");
                assertThat(agentPhone.driver().getTitle()).startsWith("询盘详情");
                assertThat(agentPhone.find("#lead-source-listing").getText())
                        .contains(fits.get("title").asText());
                assertThat(agentPhone.find("#lead-needs").getText()).contains("层高", "≥ 8 米", "只限一楼");
                assertThat(agentPhone.find("#lead-matches").getText())
                        .contains(fits.get("title").asText());
                agentPhone.screenshot("agent-lead-matches-phone");
            }
        } else {
            System.out.println("lead " + leadId + " went to " + assignee + ", not the demo agent: no inbox screenshot");
        }
    }

    private static Map<String, Object> factory(String title, double area, double height, int powerKva) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("title", title);
        spec.put("description", "独门独院，单层钢结构，大车可直接进出。\n可办环评，适合五金、机械加工、电子装配。");
        spec.put("deal", "LEASE");
        spec.put("leaseMode", "WHOLE");
        spec.put("propertyType", "STANDARD_FACTORY");
        spec.put("buildingForm", "SINGLE_STOREY");
        spec.put("floor", 1);
        spec.put("floorsTotal", 1);
        spec.put("structure", "STEEL_FRAME");
        spec.put("town", "小榄镇");
        spec.put("park", "永宁工业区");
        spec.put("address", "永宁工业大道 8 号");
        spec.put("buildingAreaTotal", area);
        spec.put("clearHeightM", height);
        spec.put("floorLoadTonsPerSqm", 3.0);
        spec.put("powerKva", powerKva);
        spec.put("fireHazardClass", "C");
        spec.put("fireResistanceGrade", "GRADE_2");
        spec.put("sprinklers", true);
        spec.put("craneTonnage", 10.0);
        spec.put("titleType", "RED_BOOK");
        spec.put("landUse", "M1");
        spec.put("eiaStatus", "OBTAINABLE");
        spec.put("amenities", List.of("DORMITORY", "CANTEEN", "PARKING"));
        spec.put("leaseAmount", 16.5);
        spec.put("leaseAmountFrequency", "YUAN_PER_SQM_MONTH");
        spec.put("taxIncluded", false);
        spec.put("depositMonths", 2);
        spec.put("paymentIntervalMonths", 1);
        spec.put("minLeaseTermMonths", 36);
        spec.put("agentId", "demo-geyiming");
        spec.put("demo", true);
        return spec;
    }
}
