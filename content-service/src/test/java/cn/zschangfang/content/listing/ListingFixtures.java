package cn.zschangfang.content.listing;

import cn.zschangfang.content.support.Http;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Listing bodies, a JPEG carrying a GPS position in its EXIF, and a multipart upload for the listing tests. */
final class ListingFixtures {

    private ListingFixtures() {}

    /** A minimal valid listing body; {@code extra} is spliced in as further JSON members ({@code ,"a":1}). */
    static String listing(String slug, String town, String extra) {
        return """
                {%s"title":"测试厂房 %s","deal":"LEASE","propertyType":"STANDARD_FACTORY","town":"%s",
                 "buildingAreaTotal":3200,"agentId":"demo-liwei"%s}
                """.formatted(slug == null ? "" : "\"slug\":\"" + slug + "\",", slug, town, extra);
    }

    /** A JPEG with an EXIF APP1 segment holding GPSLatitudeRef N and GPSLatitude 22°31′ (Zhongshan). */
    static byte[] jpegWithGps(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(40, 110, 170));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = jpeg.toByteArray();
        ByteBuffer tiff = ByteBuffer.allocate(80);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // IFD0: one entry, the GPS IFD pointer
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        tiff.putShort((short) 2); // GPS IFD at 26
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(22).putInt(1).putInt(31).putInt(1).putInt(0).putInt(1); // at 56
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static boolean containsExif(byte[] jpeg) {
        return indexOf(jpeg, "Exif\0\0".getBytes(StandardCharsets.US_ASCII)) >= 0;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** POSTs {@code bytes} as multipart field {@code file} (and {@code caption}) with the admin token. */
    static HttpResponse<String> upload(
            int port, String path, String fileName, String type, byte[] bytes, String caption) {
        String boundary = "----listing" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (caption != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n" + caption
                            + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + Http.ADMIN_TOKEN)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .build();
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HttpClient.newHttpClient().send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
