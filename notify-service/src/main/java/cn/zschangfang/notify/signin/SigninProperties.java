package cn.zschangfang.notify.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password-less sign-in of agents to the site ({@code notify.signin.*}).
 *
 * @param linkTtl how long a sign-in link (and the one in an acknowledgement redirect) can be redeemed
 * @param sessionTtl lifetime of the API token the site keeps for a signed-in agent (revoked on sign-out)
 * @param requestsPerMobile sign-in links that may be requested per mobile within {@code requestWindow}
 * @param requestWindow window of {@code requestsPerMobile}
 * @param sitePath path of the site's redeem page under {@code notify.public-base-url}
 * @param ackRedirect whether a browser opening an acknowledgement link is sent on to the lead in the inbox
 */
@ConfigurationProperties("notify.signin")
public record SigninProperties(
        @DefaultValue("10m") Duration linkTtl,
        @DefaultValue("7d") Duration sessionTtl,
        @DefaultValue("3") int requestsPerMobile,
        @DefaultValue("10m") Duration requestWindow,
        @DefaultValue("/agent/signin") String sitePath,
        @DefaultValue("true") boolean ackRedirect) {}
