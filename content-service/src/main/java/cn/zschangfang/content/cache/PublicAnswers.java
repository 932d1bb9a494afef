package cn.zschangfang.content.cache;

import cn.zschangfang.content.config.ContentProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How the anonymous reads answer from the cache: {@code Cache-Control: public, max-age} ({@code
 * content.public-max-age}, the freshness promise) and the answer's version as {@code ETag}. Spring MVC answers 304
 * (same ETag and Cache-Control, no body) for a GET whose {@code If-None-Match} matches, before anything is
 * serialized.
 */
@Component
public class PublicAnswers {

    private final CacheControl cacheControl;

    public PublicAnswers(ContentProperties properties) {
        this.cacheControl = CacheControl.maxAge(properties.publicMaxAge()).cachePublic();
    }

    public <T> ResponseEntity<T> ok(Answer<T> answer) {
        return ResponseEntity.ok()
                .cacheControl(cacheControl)
                .eTag(answer.etag())
                .body(answer.body());
    }

    /** An answer whose JSON the cache has written already. */
    public ResponseEntity<byte[]> okJson(Answer<byte[]> answer) {
        return ResponseEntity.ok()
                .cacheControl(cacheControl)
                .eTag(answer.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }
}
