package cn.zschangfang.notify.channel;

import cn.zschangfang.notify.config.NotifyProperties;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * JSON POST to group robots (WeChat Work, DingTalk, Feishu) with timeouts. Robots answer HTTP 200 with an error
 * code in the body; HTTP 5xx and I/O errors are transient, other HTTP errors permanent.
 */
@Component
public class RobotHttp {

    /** The robot's answer: HTTP-level result or the parsed JSON body. */
    public record Reply(SendResult httpFailure, Map<String, Object> body) {

        /** The robot's result code: the first of {@code fields} the body has, -1 when none is a number. */
        public int code(String... fields) {
            for (String field : fields) {
                if (body.containsKey(field)) {
                    return body.get(field) instanceof Number n ? n.intValue() : -1;
                }
            }
            return -1;
        }
    }

    /** Base64 of HMAC-SHA256: DingTalk and Feishu both sign with it, keyed and fed differently. */
    public static String hmacSha256Base64(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private final RestClient client;

    public RobotHttp(NotifyProperties properties) {
        var http = HttpClient.newBuilder()
                .connectTimeout(properties.delivery().httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead outside the allow-list
                .build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.delivery().httpTimeout());
        this.client = RestClient.builder().requestFactory(factory).build();
    }

    @SuppressWarnings("unchecked")
    public Reply post(String url, Object body) {
        try {
            Map<String, Object> reply = client.post()
                    .uri(java.net.URI.create(url)) // already encoded (signatures): must not be encoded again
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(Map.class);
            return new Reply(null, reply == null ? Map.of() : reply);
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            return new Reply(
                    status >= 500 || status == 429
                            ? SendResult.transientFailure("http-" + status)
                            : SendResult.permanent("http-" + status),
                    Map.of());
        } catch (ResourceAccessException e) {
            return new Reply(SendResult.transientFailure("io"), Map.of());
        } catch (IllegalArgumentException e) {
            return new Reply(SendResult.permanent("bad-url"), Map.of());
        } catch (RuntimeException e) {
            // unparseable body and similar: the robot's state is unknown, retrying is the safe side for a robot
            return new Reply(SendResult.transientFailure("bad-reply"), Map.of());
        }
    }
}
