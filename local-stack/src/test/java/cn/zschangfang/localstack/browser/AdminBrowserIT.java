package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.localstack.StackConfig;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The back office against the real stack: the admin signs in with the admin token, creates a listing with a photo,
 * takes it through review to 上架 and finds it public; writes an article with the sanitizer's preview; sends an
 * agent a test message. Screenshots of every page at 390×844 and 1920×1080 go to {@code site/target/screenshots/}.
 * It needs, besides the back office, content-service's listing admin API and article preview (branch listings),
 * notify's test-message endpoint (branch notifyl) and the visitor's listing page (branch site).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserIT {

    @BeforeAll
    void stack() throws Exception {
        BrowserStack.open();
    }

    @Test
    void anAdminCreatesAListingWithAPhotoPublishesItAndItIsPublic() throws Exception {
        try (Browser desk = Browser.desktop();
                Browser phone = Browser.phone()) {
            phone.open(BrowserStack.gateway() + "/admin");
            phone.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/admin/login"));
            phone.screenshot("admin-login-phone");
            signIn(desk);
            desk.screenshot("admin-home-desktop");
            AgentSignin.copySession(desk, phone);

            desk.open(BrowserStack.gateway() + "/admin/listings/new");
            String title =
                    "火炬开发区 单层钢构厂房 3200㎡ 可办环评 " + UUID.randomUUID().toString().substring(0, 4);
            type(desk, "title", title);
            select(desk, "deal", "出租");
            select(desk, "propertyType", "标准厂房");
            select(desk, "leaseMode", "整租");
            select(desk, "town", "火炬开发区");
            type(desk, "park", "中山科技园");
            type(desk, "address", "火炬开发区康乐大道 18 号");
            type(desk, "agentId", "demo-liwei");
            type(desk, "description", "独门独院，单层钢结构，带 10 吨行车，双回路供电，可办环评，近中山港码头。");
            type(desk, "buildingAreaTotal", "3200");
            select(desk, "buildingForm", "单层");
            type(desk, "clearHeightM", "9.5");
            type(desk, "powerKva", "800");
            select(desk, "fireHazardClass", "丙类");
            type(desk, "craneTonnage", "10");
            select(desk, "eiaStatus", "可办环评");
            type(desk, "leaseAmount", "22");
            select(desk, "leaseAmountFrequency", "元/㎡/月");
            desk.scrollTo(desk.find("input[name=amenities][value=DORMITORY] + span"))
                    .click();
            // a typo is caught at its field before anything is sent
            type(desk, "floorLoadTonsPerSqm", "三吨");
            desk.find(".savebar button[type=submit]").click();
            assertThat(desk.find("[data-field=floorLoadTonsPerSqm] .field__error")
                            .getText())
                    .isEqualTo("请输入数字");
            desk.find("[name=floorLoadTonsPerSqm]").clear();
            desk.screenshot("admin-listing-new-desktop");
            desk.find(".savebar button[type=submit]").click();

            desk.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("done=created"));
            String listingId = desk.driver().getCurrentUrl().replaceAll(".*/admin/listings/([^?#/]+).*", "$1");
            assertThat(desk.find(".admin-head .badge").getText()).isEqualTo("草稿");
            assertThat(desk.findAll("main")).as("one <main> landmark per page").hasSize(1);

            Path photo = jpeg();
            desk.find("form[data-upload] input[type=file]").sendKeys(photo.toString());
            desk.find("form[data-upload] input[name=caption]").sendKeys("厂房外观");
            desk.find("form[data-upload] button[type=submit]").click();
            desk.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("done=photo"));
            WebElement img = desk.find(".photo-grid img");
            desk.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> ((Number) desk.script("return arguments[0].naturalWidth;", img)).intValue() > 0);

            statusTo(desk, "PENDING_REVIEW", "待审核");
            statusTo(desk, "PUBLISHED", "上架");
            desk.find("#verify button[type=submit]").click();
            desk.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("done=verified"));
            desk.waitUpTo(Duration.ofSeconds(10))
                    .until(
                            d -> Boolean.TRUE.equals(
                                    desk.script(
                                            "var i = document.querySelector('.photo-grid img'); return i.complete && i.naturalWidth > 0;")));
            desk.screenshot("admin-listing-edit-desktop");
            phone.open(desk.driver().getCurrentUrl());
            phone.screenshot("admin-listing-edit-phone");

            // public: the API through the gateway (content-service, branch listings)
            HttpResponse<String> pub = BrowserStack.httpGet("/api/content/listings/" + listingId);
            assertThat(pub.statusCode()).isEqualTo(200);
            assertThat(pub.body()).contains(title, "\"status\":\"PUBLISHED\"", "\"photos\":[{", "\"lastVerifiedAt\"");
            // and the visitor's page (site.listing, branch site)
            String slug = pub.body().replaceAll("(?s).*?\"slug\":\"([^\"]+)\".*", "$1");
            phone.open(BrowserStack.gateway() + "/listings/" + slug);
            assertThat(phone.find("h1").getText()).isEqualTo(title);
            assertThat(phone.findAll(".gallery img")).isNotEmpty();
            phone.screenshot("admin-listing-public-phone");

            desk.open(BrowserStack.gateway() + "/admin/listings?status=PUBLISHED");
            assertThat(desk.find(".data-table").getText()).contains(title);
            desk.screenshot("admin-listings-desktop");
            fitsThePhone(phone, "/admin/listings", "admin-listings-phone");

            desk.open(BrowserStack.gateway() + "/admin/audit");
            assertThat(desk.find(".data-table").getText()).contains(listingId);
            desk.screenshot("admin-audit-desktop");
        }
    }

    @Test
    void anArticleIsWrittenWithTheSanitizersPreviewAndPublished() throws Exception {
        try (Browser desk = Browser.desktop();
                Browser phone = Browser.phone()) {
            signIn(desk);
            desk.open(BrowserStack.gateway() + "/admin/articles/new");
            String slug = "admin-browser-test-" + UUID.randomUUID().toString().substring(0, 8);
            type(desk, "slug", slug);
            type(desk, "title", "中山火炬开发区厂房租赁指南");
            type(desk, "category", "中山产业信息");
            type(desk, "tags", "厂房租赁、火炬开发区");
            type(desk, "body", "<h2>选址要点</h2><p>层高、配电与消防等级决定能做什么。</p><script>alert(1)</script>");
            desk.find("[data-tab=preview]").click();
            desk.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("[data-preview-pane]"), "选址要点"));
            assertThat(desk.find("[data-preview-pane]").getAttribute("innerHTML"))
                    .doesNotContain("<script");
            desk.screenshot("admin-article-preview-desktop");
            desk.find("[data-tab=edit]").click();
            desk.find(".savebar button[type=submit]").click();
            desk.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("done=article-created"));
            desk.find(".admin-head form button[type=submit]").click();
            desk.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("done=published"));
            assertThat(BrowserStack.httpGet("/api/content/articles/" + slug).statusCode())
                    .isEqualTo(200);

            AgentSignin.copySession(desk, phone);
            fitsThePhone(phone, "/admin/articles/" + slug, "admin-article-edit-phone");
            desk.open(BrowserStack.gateway() + "/admin/articles");
            desk.screenshot("admin-articles-desktop");
        }
    }

    @Test
    void aTestMessageReportsTheResultOfEachOfTheAgentsChannels() throws Exception {
        try (Browser desk = Browser.desktop();
                Browser phone = Browser.phone()) {
            signIn(desk);
            desk.open(BrowserStack.gateway() + "/admin/agents");
            assertThat(desk.find(".data-table").getText()).contains("葛毅明");
            desk.screenshot("admin-agents-desktop");
            desk.open(BrowserStack.gateway() + "/admin/agents/demo-geyiming");
            desk.find("#test button[type=submit]").click();
            desk.waitUpTo(Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".test-result")));
            assertThat(desk.find(".test-results").getText()).contains("✓ 已送达");
            desk.screenshot("admin-agent-edit-desktop");
            AgentSignin.copySession(desk, phone);
            fitsThePhone(phone, "/admin/agents/demo-geyiming", "admin-agent-edit-phone");
            phone.open(BrowserStack.gateway() + "/admin");
            phone.screenshot("admin-home-phone");
        }
    }

    /** Opens an admin page on the phone: it must fit the screen's width (no sideways scrolling). */
    private static void fitsThePhone(Browser phone, String path, String screenshot) throws Exception {
        phone.open(BrowserStack.gateway() + path);
        assertThat(phone.horizontalOverflow()).as(path).isZero();
        phone.screenshot(screenshot);
    }

    private static void signIn(Browser browser) throws Exception {
        browser.open(BrowserStack.gateway() + "/admin/login");
        browser.find("#token").sendKeys(StackConfig.ADMIN_TOKEN);
        browser.find("form[action='/admin/login'] button[type=submit]").click();
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/admin"));
        assertThat(browser.driver().getTitle()).startsWith("后台概览");
    }

    private static void statusTo(Browser browser, String status, String label) {
        browser.scrollTo(browser.find("button[data-status=" + status + "]")).click();
        browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("done=status"));
        assertThat(browser.find(".admin-head .badge").getText()).isEqualTo(label);
        browser.open(browser.driver().getCurrentUrl().replaceAll("\\?.*", "")); // next change sees a fresh URL
    }

    private static void type(Browser browser, String name, String value) {
        WebElement input = browser.scrollTo(browser.find("[name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }

    private static void select(Browser browser, String name, String label) {
        new Select(browser.scrollTo(browser.find("select[name=" + name + "]"))).selectByVisibleText(label);
    }

    /** A small real JPEG: a factory-blue gradient with a roof line, 800×600. */
    private static Path jpeg() throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x0b4ea2), 800, 600, new Color(0xeaf1fb)));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new Color(0xf26b1d));
        g.fillPolygon(new int[] {80, 400, 720}, new int[] {360, 160, 360}, 3);
        g.setColor(Color.WHITE);
        g.fillRect(120, 360, 560, 180);
        g.dispose();
        Path file = Files.createTempFile("listing-photo-", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
