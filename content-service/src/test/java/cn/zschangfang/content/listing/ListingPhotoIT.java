package cn.zschangfang.content.listing;

import static cn.zschangfang.platform.test.ProblemContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.support.Http;
import cn.zschangfang.content.support.ServiceIT;
import cn.zschangfang.platform.problem.ProblemType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Photo upload, renditions and serving, stored in GridFS on the MongoDB-wire stand-in (which is thereby shown to
 * support GridFS).
 */
class ListingPhotoIT extends ServiceIT {

    @Autowired
    JsonMapper json;

    private String newListing(String slug) {
        HttpResponse<String> r =
                http().admin("POST", "/api/content/admin/listings", ListingFixtures.listing(slug, "火炬开发区", ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).path("id").asString();
    }

    @Test
    void anUploadIsResizedToListAndDetailJpegsWithoutItsGpsPosition() throws IOException {
        String id = newListing("photo-exif");
        byte[] original = ListingFixtures.jpegWithGps(2000, 1500);
        assertThat(ListingFixtures.containsExif(original))
                .as("the fixture carries EXIF")
                .isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(original))).isNotNull();

        HttpResponse<String> r = ListingFixtures.upload(
                port, "/api/content/admin/listings/" + id + "/photos", "厂房.jpg", "image/jpeg", original, "厂房外景");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode photo = json.readTree(r.body());
        assertThat(photo.path("caption").asString()).isEqualTo("厂房外景");
        assertThat(photo.path("width").asInt()).isEqualTo(2000);

        HttpResponse<byte[]> list =
                ListingFixtures.getBytes(port, photo.path("listUrl").asString());
        HttpResponse<byte[]> detail =
                ListingFixtures.getBytes(port, photo.path("detailUrl").asString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(list.body()));
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(detail.body()));
        assertThat(small.getWidth()).isEqualTo(480);
        assertThat(small.getHeight()).isEqualTo(360);
        assertThat(large.getWidth()).isEqualTo(1280);
        for (byte[] jpeg : new byte[][] {list.body(), detail.body()}) {
            assertThat(ListingFixtures.containsExif(jpeg))
                    .as("EXIF (with its GPS IFD) is gone")
                    .isFalse();
            assertThat(ListingFixtures.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xE1}))
                    .isNegative();
        }

        JsonNode listing = json.readTree(
                http().admin("GET", "/api/content/admin/listings/" + id, null).body());
        assertThat(listing.path("photos").get(0).path("id").asString())
                .isEqualTo(photo.path("id").asString());
        assertThat(listing.path("coverPhoto").path("listUrl").asString())
                .isEqualTo(photo.path("listUrl").asString());

        HttpResponse<String> delete = http().admin(
                        "DELETE",
                        "/api/content/admin/listings/" + id + "/photos/"
                                + photo.path("id").asString(),
                        null);
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(ListingFixtures.getBytes(port, photo.path("listUrl").asString())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSmallPhotoIsNotEnlarged() throws IOException {
        String id = newListing("photo-small");
        HttpResponse<String> r = ListingFixtures.upload(
                port,
                "/api/content/admin/listings/" + id + "/photos",
                "s.jpg",
                "image/jpeg",
                ListingFixtures.jpegWithGps(300, 200),
                null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        byte[] detail = ListingFixtures.getBytes(
                        port, json.readTree(r.body()).path("detailUrl").asString())
                .body();
        assertThat(ImageIO.read(new ByteArrayInputStream(detail)).getWidth()).isEqualTo(300);
    }

    @Test
    void aFileThatIsNoImageIs400NamingTheFile() {
        String id = newListing("photo-text");
        JsonNode problem = assertProblem(
                ListingFixtures.upload(
                        port,
                        "/api/content/admin/listings/" + id + "/photos",
                        "x.jpg",
                        "image/jpeg",
                        "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8),
                        null),
                ProblemType.VALIDATION);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("file");
    }

    @Test
    void aFileOverTheLimitIs413() {
        String id = newListing("photo-big");
        byte[] big = new byte[11 * 1024 * 1024];
        assertProblem(
                ListingFixtures.upload(
                        port, "/api/content/admin/listings/" + id + "/photos", "big.jpg", "image/jpeg", big, null),
                ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aPhotoOfAnUnknownListingOrAnUnknownPhotoIs404() {
        assertProblem(
                ListingFixtures.upload(
                        port,
                        "/api/content/admin/listings/nope/photos",
                        "a.jpg",
                        "image/jpeg",
                        ListingFixtures.jpegWithGps(50, 50),
                        null),
                ProblemType.NOT_FOUND);
        assertThat(ListingFixtures.getBytes(
                                port,
                                "/api/content/listings/00000000-0000-0000-0000-000000000000/photos/"
                                        + "00000000-0000-0000-0000-000000000000/list.jpg")
                        .statusCode())
                .isEqualTo(404);
        assertThat(new Http(port).get("/api/content/admin/listings/nope").statusCode())
                .isEqualTo(401);
    }
}
