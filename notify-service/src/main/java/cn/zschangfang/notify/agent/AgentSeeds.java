package cn.zschangfang.notify.agent;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Agents seeded (upserted by id) into the registry at start-up, {@code notify.agents[...]}; owned here, not in
 * {@code config.NotifyProperties}, so configuration does not depend on the agent model.
 */
@ConfigurationProperties("notify")
@Validated
public record AgentSeeds(@DefaultValue List<@Valid AgentSpec> agents) {}
