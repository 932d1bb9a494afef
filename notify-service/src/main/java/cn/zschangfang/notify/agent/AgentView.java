package cn.zschangfang.notify.agent;

import java.time.Instant;

/**
 * An agent as the admin API shows it: channel secrets are masked, the token hash is never shown.
 *
 * @param token the agent's API token: only in the answer to create / rotate, null otherwise
 */
public record AgentView(
        String id, AgentSpec agent, boolean hasToken, Instant createdAt, Instant updatedAt, String token) {

    static AgentView of(Agent a, String token) {
        AgentSpec masked = a.spec().withChannels(a.spec().channels().masked());
        return new AgentView(a.id(), masked, a.tokenHash() != null, a.createdAt(), a.updatedAt(), token);
    }
}
