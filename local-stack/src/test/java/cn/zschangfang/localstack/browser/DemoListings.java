package cn.zschangfang.localstack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.localstack.StackConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Listings the browser tests publish themselves through content-service's admin API (listing contract: create as
 * DRAFT, submit, publish; photos as multipart), so they do not depend on the demo data the stack imports.
 */
final class DemoListings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoListings() {}

    /** Creates, photographs (optional) and publishes a listing; returns the published listing as the API shows it. */
    static JsonNode publish(Map<String, Object> spec, int photos) throws Exception {
        JsonNode created = send("POST", "/api/content/admin/listings", JSON.writeValueAsString(spec), 201);
        String id = created.get("id").asText();
        for (int i = 1; i <= photos; i++) {
            uploadPhoto(id, i == 1 ? "车间内景" : "厂区外观 " + i, i);
        }
        send("POST", "/api/content/admin/listings/" + id + "/status", "{\"status\":\"PENDING_REVIEW\"}", 200);
        return send("POST", "/api/content/admin/listings/" + id + "/status", "{\"status\":\"PUBLISHED\"}", 200);
    }

    /** A lead as the manager's API shows it (ADMIN token), including {@code sourceListing} and {@code matches}. */
    static JsonNode lead(String leadId) throws Exception {
        HttpResponse<String> response = BrowserStack.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + BrowserStack.get().config().leadPort() + "/api/leads/" + leadId))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                .header("Accept", "application/json")
                .GET()
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode send(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = BrowserStack.send(HttpRequest.newBuilder(URI.create(content() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static void uploadPhoto(String listingId, String caption, int n) throws Exception {
        String boundary = "----zs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n" + caption + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo" + n
                        + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(factoryPhoto(n));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = BrowserStack.send(
                HttpRequest.newBuilder(URI.create(content() + "/api/content/admin/listings/" + listingId + "/photos"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + StackConfig.ADMIN_TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build());
        assertThat(response.statusCode()).as("photo upload: " + response.body()).isEqualTo(201);
    }

    /** A drawn stand-in for a photo of a factory hall (sky, building, roller doors), 1280×960. */
    static byte[] factoryPhoto(int variant) throws Exception {
        BufferedImage image = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 225), 0, 520, new Color(215, 232, 248)));
        g.fillRect(0, 0, 1280, 960);
        g.setColor(new Color(96, 104, 112));
        g.fillRect(0, 760, 1280, 200);
        g.setColor(variant % 2 == 0 ? new Color(226, 230, 236) : new Color(236, 238, 240));
        g.fillRect(120, 300, 1040, 470);
        g.setColor(new Color(11, 78, 162));
        g.fillRect(120, 270, 1040, 40);
        g.setColor(new Color(150, 158, 168));
        for (int x = 180; x < 1120; x += 240) {
            g.fillRect(x, 520, 170, 250);
        }
        g.setColor(new Color(242, 107, 29));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString("ZS FACTORY " + variant, 160, 420);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static String content() throws Exception {
        return "http://127.0.0.1:" + BrowserStack.get().config().contentPort();
    }
}
