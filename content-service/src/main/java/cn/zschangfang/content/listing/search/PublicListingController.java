package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.cache.PublicAnswers;
import cn.zschangfang.content.listing.model.Deal;
import cn.zschangfang.content.listing.model.FireHazardClass;
import cn.zschangfang.content.listing.model.ListingPage;
import cn.zschangfang.content.listing.model.ListingResponse;
import cn.zschangfang.content.listing.model.PropertyType;
import cn.zschangfang.content.listing.reference.ZhongshanTowns;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymous listing search and detail, served from {@link ListingReadCache}. Only 上架 listings exist here: any other
 * status answers 404 like an unknown id. Responses carry {@code Cache-Control: public, max-age} and the cached
 * answer's version {@code ETag}.
 */
@RestController
@RequestMapping("/api/content/listings")
@Validated
public class PublicListingController {

    private final ListingReadCache cache;
    private final ZhongshanTowns towns;
    private final PublicAnswers answers;

    public PublicListingController(ListingReadCache cache, ZhongshanTowns towns, PublicAnswers answers) {
        this.cache = cache;
        this.towns = towns;
        this.answers = answers;
    }

    @GetMapping
    public ResponseEntity<ListingPage> search(
            @RequestParam(required = false) Deal deal,
            @RequestParam(required = false) PropertyType propertyType,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000000") Double minArea,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000000") Double maxArea,
            @RequestParam(defaultValue = "SQM") AreaUnit areaUnit,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000") Double minRent,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000") Double maxRent,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100") Double minClearHeight,
            @RequestParam(required = false) @Min(0) @Max(1_000_000) Integer minPower,
            @RequestParam(required = false) FireHazardClass fireClass,
            @RequestParam(defaultValue = "false") boolean groundFloor,
            @RequestParam(defaultValue = "false") boolean standalone,
            @RequestParam(defaultValue = "false") boolean crane,
            @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String fullTown = null;
        if (town != null && !town.isBlank()) {
            fullTown = towns.resolve(town)
                    .orElseThrow(() -> ApiException.validation(
                            java.util.List.of(new ApiException.FieldError("town", "unknown_town", "未知的镇街"))));
        }
        if (minArea != null && maxArea != null && minArea > maxArea) {
            throw ApiException.invalid("maxArea", FieldCode.OUT_OF_RANGE, "最大面积不能小于最小面积");
        }
        if (minRent != null && maxRent != null && minRent > maxRent) {
            throw ApiException.invalid("maxRent", FieldCode.OUT_OF_RANGE, "最高租金不能低于最低租金");
        }
        ListingSort order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "newest" -> ListingSort.NEWEST;
            case "area" -> ListingSort.AREA;
            case "rent" -> ListingSort.RENT;
            default -> throw ApiException.invalid("sort", FieldCode.INVALID_VALUE, "排序应为 newest、area 或 rent");
        };
        ListingFilter filter = new ListingFilter(
                deal,
                propertyType,
                fullTown,
                areaUnit.toSqm(minArea),
                areaUnit.toSqm(maxArea),
                minRent,
                maxRent,
                minClearHeight,
                minPower,
                fireClass,
                groundFloor,
                standalone,
                crane);
        return answers.ok(cache.search(new ListingReadCache.SearchKey(filter, order, page, size)));
    }

    @GetMapping("/{idOrSlug}")
    public ResponseEntity<ListingResponse> get(@PathVariable String idOrSlug) {
        return answers.ok(cache.listing(idOrSlug).orElseThrow(ApiException::notFound));
    }
}
