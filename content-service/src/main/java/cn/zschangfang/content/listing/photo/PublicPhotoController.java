package cn.zschangfang.content.listing.photo;

import cn.zschangfang.platform.problem.ApiException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves photo renditions. A photo's bytes never change under its id (a new upload gets a new id), so the answer
 * is cacheable for a year and {@code immutable}. Ids are random UUIDs: a photo URL is only known from a listing.
 */
@RestController
@RequestMapping("/api/content/listings/{id}/photos")
public class PublicPhotoController {

    private static final Pattern UUID_LIKE = Pattern.compile("^[0-9a-f-]{36}$");
    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final PhotoStorage storage;

    public PublicPhotoController(PhotoStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/{photoId}/{rendition:list|detail}.jpg")
    public ResponseEntity<byte[]> get(
            @PathVariable String id, @PathVariable String photoId, @PathVariable String rendition) {
        if (!UUID_LIKE.matcher(id).matches() || !UUID_LIKE.matcher(photoId).matches()) {
            throw ApiException.notFound();
        }
        Rendition r = "list".equals(rendition) ? Rendition.LIST : Rendition.DETAIL;
        byte[] jpeg = storage.get(PhotoStorage.key(id, photoId, r)).orElseThrow(ApiException::notFound);
        return ResponseEntity.ok()
                .cacheControl(IMMUTABLE)
                .contentType(MediaType.IMAGE_JPEG)
                .body(jpeg);
    }
}
