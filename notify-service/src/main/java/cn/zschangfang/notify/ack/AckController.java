package cn.zschangfang.notify.ack;

import cn.zschangfang.notify.escalation.Escalations;
import cn.zschangfang.notify.signin.SigninProperties;
import cn.zschangfang.notify.signin.SigninService;
import cn.zschangfang.platform.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * One click on a phone: {@code GET /ack/{token}} (routed by the gateway). Idempotent; answers a tiny HTML page
 * because it is opened in the WeChat Work in-app browser. A browser (one that asks for {@code text/html}) is then
 * sent on to the lead in the site's agent inbox, signed in as that agent by a fresh one-time sign-in link.
 */
@RestController
public class AckController {

    private final AckTokens tokens;
    private final Escalations escalations;
    private final SigninService signin;
    private final SigninProperties signinProperties;

    public AckController(
            AckTokens tokens, Escalations escalations, SigninService signin, SigninProperties signinProperties) {
        this.tokens = tokens;
        this.escalations = escalations;
        this.signin = signin;
        this.signinProperties = signinProperties;
    }

    @GetMapping(path = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> ack(
            @PathVariable String token, @RequestHeader(value = "Accept", required = false) String accept) {
        AckTokens.Claim claim = tokens.verify(token).orElseThrow(() -> ApiException.forbidden("确认链接无效或已过期"));
        return switch (escalations.acknowledge(claim.leadId(), claim.agentId())) {
            case ACKNOWLEDGED -> toInbox(claim, accept, "已确认接单，请尽快联系客户。");
            case ALREADY_ACKNOWLEDGED -> toInbox(claim, accept, "您已确认过此询盘。");
            case TAKEN_BY_OTHER -> page(HttpStatus.CONFLICT, "此询盘已由其他同事接单。");
            case UNKNOWN_LEAD -> throw ApiException.notFound();
        };
    }

    private ResponseEntity<String> toInbox(AckTokens.Claim claim, String accept, String text) {
        if (signinProperties.ackRedirect() && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            var link = signin.leadLink(claim.leadId(), claim.agentId());
            if (link.isPresent()) {
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(java.net.URI.create(link.get()))
                        .build();
            }
        }
        return page(HttpStatus.OK, text);
    }

    private static ResponseEntity<String> page(HttpStatus status, String text) {
        String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>询盘确认</title></head>"
                + "<body><p style=\"font-size:1.2em\">" + text + "</p></body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }
}
