package cn.zschangfang.content.listing.admin;

import cn.zschangfang.content.bulk.BulkImport;
import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingPage;
import cn.zschangfang.content.listing.model.ListingResponse;
import cn.zschangfang.content.listing.model.ListingSpec;
import cn.zschangfang.content.listing.model.ListingStatus;
import cn.zschangfang.content.listing.model.ListingStore;
import cn.zschangfang.content.listing.model.ListingSummary;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The listing back office ({@code /api/content/admin/listings}, ADMIN or MANAGER: {@link ListingAuthInterceptor}).
 * Every answer is {@code no-store}; every change is recorded in the audit log by the service.
 */
@RestController
@RequestMapping("/api/content/admin/listings")
@Validated
public class AdminListingController {

    private static final int IMPORT_MAX_ITEMS = 1000;

    private final ListingService service;
    private final ListingStore store;
    private final Validator validator;

    public AdminListingController(ListingService service, ListingStore store, Validator validator) {
        this.service = service;
        this.store = store;
        this.validator = validator;
    }

    /** Body of a status change. */
    public record StatusRequest(
            @NotNull ListingStatus status, @Size(max = 500) String reason) {}

    @PostMapping
    public ResponseEntity<ListingResponse> create(
            @Valid @RequestBody ListingSpec body, @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        Listing listing = service.create(body, ListingStatus.DRAFT, null, caller);
        return ResponseEntity.created(URI.create("/api/content/admin/listings/" + listing.id()))
                .cacheControl(CacheControl.noStore())
                .body(ListingResponse.forAdmin(listing));
    }

    @GetMapping
    public ResponseEntity<ListingPage> list(
            @RequestParam(required = false) ListingStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<ListingSummary> items =
                store.page(status, page, size).stream().map(ListingSummary::of).toList();
        return noStore(new ListingPage(items, page, size, store.count(status)));
    }

    @GetMapping("/{id}")
    public ResponseEntity<ListingResponse> get(@PathVariable String id) {
        return noStore(ListingResponse.forAdmin(service.require(id)));
    }

    @PutMapping("/{id}")
    public ResponseEntity<ListingResponse> update(
            @PathVariable String id,
            @Valid @RequestBody ListingSpec body,
            @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        return noStore(ListingResponse.forAdmin(service.update(id, body, caller)));
    }

    /** One step of 草稿 → 待审核 → 上架 → 已租/已售 → 下架; 409 for a step the life cycle does not have. */
    @PostMapping("/{id}/status")
    public ResponseEntity<ListingResponse> status(
            @PathVariable String id,
            @Valid @RequestBody StatusRequest body,
            @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        String reason = body.reason() == null || body.reason().isBlank()
                ? null
                : body.reason().strip();
        return noStore(ListingResponse.forAdmin(service.changeStatus(id, body.status(), reason, caller)));
    }

    /** Someone checked with the owner that the listing is still true: sets {@code lastVerifiedAt}. */
    @PostMapping("/{id}/verify")
    public ResponseEntity<ListingResponse> verify(
            @PathVariable String id, @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        return noStore(ListingResponse.forAdmin(service.verify(id, caller)));
    }

    /**
     * Bulk import (demo data, a migration): each item is created published or replaced by its {@code slug}
     * (required here); identical content is a no-op. The whole array is validated first, so a bad item imports
     * nothing. ADMIN only.
     */
    @PostMapping("/import")
    public ResponseEntity<BulkImport.ImportResult> importListings(
            @RequestBody List<ListingSpec> items, @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        if (caller.role() != Caller.Role.ADMIN) {
            throw ApiException.forbidden();
        }
        BulkImport.validate(items, IMPORT_MAX_ITEMS, "个房源", validator, item -> item.slug() == null ? ".slug" : null);
        return noStore(BulkImport.write(items, item -> service.importOne(item, caller)));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
