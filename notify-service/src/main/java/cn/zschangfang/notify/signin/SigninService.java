package cn.zschangfang.notify.signin;

import cn.zschangfang.notify.agent.Agent;
import cn.zschangfang.notify.agent.AgentRegistry;
import cn.zschangfang.notify.config.NotifyProperties;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Password-less sign-in: a mobile number in, a one-time link out to the agent's own robot; the site redeems the
 * link for an API token it uses as the agent's bearer. The caller learns nothing about whether the number belongs
 * to an agent: the answer, its timing (lookup and sending run after the answer) and the rate limit are the same.
 */
@Service
public class SigninService {

    private static final Logger log = LoggerFactory.getLogger(SigninService.class);

    /** What the site gets for a redeemed link. */
    public record Redemption(
            String agentId, String name, String role, String apiToken, Instant expiresAt, String leadId) {}

    private final AgentRegistry registry;
    private final SigninTokens tokens;
    private final SigninMessenger messenger;
    private final SigninProperties properties;
    private final NotifyProperties notify;
    private final byte[] mobileKeySecret;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(
            1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), new ThreadPoolExecutor.DiscardPolicy());

    public SigninService(
            AgentRegistry registry,
            SigninTokens tokens,
            SigninMessenger messenger,
            SigninProperties properties,
            NotifyProperties notify) {
        this.registry = registry;
        this.tokens = tokens;
        this.messenger = messenger;
        this.properties = properties;
        this.notify = notify;
        this.mobileKeySecret = ("signin|" + notify.ack().signingSecret()).getBytes(StandardCharsets.UTF_8);
    }

    /** False when the mobile asked too often (the same for agents and strangers). */
    public boolean requestLink(String mobile) {
        if (!tokens.countRequest(mobileKey(mobile))) {
            return false;
        }
        sender.execute(() -> sendLink(mobile));
        return true;
    }

    private void sendLink(String mobile) {
        try {
            Optional<Agent> agent = registry.active().stream()
                    .filter(a -> mobile.equals(a.spec().channels().mobile()))
                    .findFirst();
            if (agent.isEmpty()) {
                log.info("sign-in requested for a number that is no active agent's");
                return;
            }
            String link = notify.publicBaseUrl() + properties.sitePath() + "?token="
                    + tokens.issueLink(agent.get().id(), null);
            messenger.send(agent.get(), link, properties.linkTtl().toMinutes());
        } catch (RuntimeException e) {
            log.warn("sign-in link could not be prepared: {}", e.getClass().getSimpleName());
        }
    }

    /** The site's redeem URL of a fresh one-time link that opens {@code leadId} signed in as {@code agentId}. */
    public Optional<String> leadLink(String leadId, String agentId) {
        return registry.find(agentId)
                .filter(Agent::active)
                .map(a ->
                        notify.publicBaseUrl() + properties.sitePath() + "?token=" + tokens.issueLink(a.id(), leadId));
    }

    public Optional<Redemption> redeem(String token) {
        return tokens.redeemLink(token)
                .flatMap(link -> registry.find(link.agentId())
                        .filter(Agent::active)
                        .map(agent -> {
                            SigninTokens.Session session = tokens.issueSession(agent.id());
                            return new Redemption(
                                    agent.id(),
                                    agent.name(),
                                    agent.spec().role().name(),
                                    session.token(),
                                    session.expiresAt(),
                                    link.leadId());
                        }));
    }

    /** The active agent a session token belongs to. */
    public Optional<Agent> sessionAgent(String token) {
        return tokens.sessionAgent(token).flatMap(registry::find).filter(Agent::active);
    }

    public void signOut(String token) {
        tokens.revokeSession(token);
    }

    /** HMAC of the number: the request counter must not become a list of phone numbers. */
    private String mobileKey(String mobile) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(mobileKeySecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(mobile.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
