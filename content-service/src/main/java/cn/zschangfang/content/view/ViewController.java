package cn.zschangfang.content.view;

import cn.zschangfang.platform.problem.ApiException;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The view beacon. 202 for a published article whether the view was counted, a repeat or a bot (the response must not
 * teach a bot how to get counted); a counted view is in the view outbox (MongoDB) before the 202 and reaches the
 * broker afterwards. 503 with {@code Retry-After} when the view was not taken: too many waiting for the broker, or
 * MongoDB unreachable. Never 202 for a view that is then dropped.
 */
@RestController
public class ViewController {

    private final ViewBeacon beacon;

    public ViewController(ViewBeacon beacon) {
        this.beacon = beacon;
    }

    @PostMapping("/api/content/articles/{slug}/views")
    public ResponseEntity<Void> view(
            @PathVariable String slug,
            @Valid @RequestBody ViewRequest request,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        if (slug.length() > 120) {
            throw ApiException.notFound();
        }
        ViewBeacon.Outcome outcome = beacon.view(slug, request.visitorId().strip(), request.referrer(), userAgent)
                .orElseThrow(() -> ApiException.notFound());
        if (outcome == ViewBeacon.Outcome.REJECTED) {
            throw ApiException.unavailable();
        }
        return ResponseEntity.accepted().cacheControl(CacheControl.noStore()).build();
    }
}
