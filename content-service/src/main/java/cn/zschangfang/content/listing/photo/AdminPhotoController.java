package cn.zschangfang.content.listing.photo;

import cn.zschangfang.content.listing.ListingProperties;
import cn.zschangfang.content.listing.admin.AuditLog;
import cn.zschangfang.content.listing.admin.Caller;
import cn.zschangfang.content.listing.admin.ListingService;
import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingStore;
import cn.zschangfang.content.listing.model.Photo;
import cn.zschangfang.content.listing.model.PhotoLinks;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Photo upload and removal in the back office ({@code /api/content/admin/listings/{id}/photos}). */
@RestController
@RequestMapping("/api/content/admin/listings/{id}/photos")
public class AdminPhotoController {

    private final ListingService listings;
    private final ListingStore store;
    private final PhotoProcessor processor;
    private final PhotoStorage storage;
    private final AuditLog audit;
    private final ListingProperties.Photos properties;
    private final Clock clock;

    public AdminPhotoController(
            ListingService listings,
            ListingStore store,
            PhotoProcessor processor,
            PhotoStorage storage,
            AuditLog audit,
            ListingProperties properties,
            Clock clock) {
        this.listings = listings;
        this.store = store;
        this.processor = processor;
        this.storage = storage;
        this.audit = audit;
        this.properties = properties.photos();
        this.clock = clock;
    }

    /** 201 with the photo; 400 {@code file} for a missing or non-image file, 413 over the size limit. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<PhotoLinks> upload(
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String caption,
            @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        Listing listing = listings.require(id);
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", FieldCode.REQUIRED, "请选择要上传的图片");
        }
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            throw ApiException.payloadTooLarge();
        }
        if (caption != null && caption.length() > 100) {
            throw ApiException.invalid("caption", FieldCode.TOO_LONG);
        }
        if (listing.photosOrEmpty().size() >= properties.maxPerListing()) {
            throw ApiException.conflict("该房源的图片已达上限");
        }
        PhotoProcessor.Processed processed = processor.process(bytes(file));
        String photoId = UUID.randomUUID().toString();
        storage.put(PhotoStorage.key(id, photoId, Rendition.LIST), processed.list());
        storage.put(PhotoStorage.key(id, photoId, Rendition.DETAIL), processed.detail());
        Photo photo = new Photo(
                photoId,
                caption == null || caption.isBlank() ? null : caption.strip(),
                processed.width(),
                processed.height(),
                clock.instant());
        store.addPhoto(id, photo, clock.instant()).orElseThrow(ApiException::notFound);
        audit.record(caller, AuditLog.Action.PHOTO_ADDED, id, photoId);
        PhotoLinks links = PhotoLinks.of(id, photo);
        return ResponseEntity.created(URI.create(links.detailUrl()))
                .cacheControl(CacheControl.noStore())
                .body(links);
    }

    @DeleteMapping("/{photoId}")
    public ResponseEntity<Void> delete(
            @PathVariable String id,
            @PathVariable String photoId,
            @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        Listing listing = listings.require(id);
        if (listing.photosOrEmpty().stream().noneMatch(p -> p.id().equals(photoId))) {
            throw ApiException.notFound();
        }
        store.removePhoto(id, photoId, clock.instant());
        for (Rendition rendition : Rendition.values()) {
            storage.delete(PhotoStorage.key(id, photoId, rendition));
        }
        audit.record(caller, AuditLog.Action.PHOTO_DELETED, id, photoId);
        return ResponseEntity.noContent().build();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
