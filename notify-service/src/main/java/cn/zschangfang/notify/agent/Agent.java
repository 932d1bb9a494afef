package cn.zschangfang.notify.agent;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered agent. {@code tokenHash} is the SHA-256 of the agent's API token (the token itself is never stored);
 * {@code pass} is the weighted round-robin virtual time (stride scheduling), kept here so it survives restarts.
 */
@Document("agents")
public record Agent(
        @Id String id, AgentSpec spec, String tokenHash, double pass, Instant createdAt, Instant updatedAt) {

    public String name() {
        return spec.name();
    }

    public boolean active() {
        return Boolean.TRUE.equals(spec.active());
    }

    public boolean availableAt(ZonedDateTime at) {
        List<WorkingHours> hours = spec.capacity().workingHours();
        return hours.isEmpty() || hours.stream().anyMatch(w -> w.contains(at));
    }

    /** Whether the agent's territory and specialities cover a lead. */
    public boolean matches(String town, String propertyType, String intent) {
        return spec.territory().covers(town, propertyType, intent);
    }
}
