package cn.zschangfang.notify.signin;

import cn.zschangfang.notify.config.NotifyProperties;
import cn.zschangfang.notify.web.BearerAuthInterceptor;
import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.FieldCode;
import cn.zschangfang.platform.text.MobileNumbers;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-to-server sign-in API for the site (under {@code /internal/**}, which the gateway never routes). Asking
 * for a link and redeeming one need the admin bearer token: only the site does either.
 *
 * <ul>
 *   <li>{@code POST /internal/signin/requests {"mobile"}} → 202 whatever the number (429 when asked too often)
 *   <li>{@code POST /internal/signin/redemptions {"token"}} → 200 {@link SigninService.Redemption}, or 401 for an
 *       unknown, used or expired link
 *   <li>{@code DELETE /internal/signin/session} with the session token as bearer → 204 (sign-out)
 * </ul>
 */
@RestController
public class SigninController {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkRequest(String mobile) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RedeemRequest(String token) {}

    private final SigninService signin;
    private final BearerAuthInterceptor admin;

    public SigninController(SigninService signin, NotifyProperties properties) {
        this.signin = signin;
        this.admin = new BearerAuthInterceptor(properties);
    }

    @PostMapping(
            path = "/internal/signin/requests",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> request(@RequestBody LinkRequest body, HttpServletRequest request) {
        admin.preHandle(request, null, null);
        String mobile = MobileNumbers.normalize(body.mobile())
                .orElseThrow(() -> ApiException.invalid("mobile", FieldCode.INVALID_PHONE, "请输入正确的手机号"));
        if (!signin.requestLink(mobile)) {
            throw ApiException.rateLimited(java.time.Duration.ofMinutes(1));
        }
        return ResponseEntity.accepted().body(Map.of("status", "accepted"));
    }

    @PostMapping(
            path = "/internal/signin/redemptions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public SigninService.Redemption redeem(@RequestBody RedeemRequest body, HttpServletRequest request) {
        admin.preHandle(request, null, null);
        return signin.redeem(body.token()).orElseThrow(ApiException::unauthorized);
    }

    @DeleteMapping("/internal/signin/session")
    public ResponseEntity<Void> signOut(HttpServletRequest request) {
        signin.signOut(BearerAuthInterceptor.bearer(request));
        return ResponseEntity.noContent().build();
    }
}
