package cn.zschangfang.notify.agent;

import cn.zschangfang.notify.config.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Upserts the agents of {@code notify.agents[...]} at start-up, before any lead is consumed. */
@Component
@Order(0)
public class AgentSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AgentSeeder.class);

    private final AgentRegistry registry;
    private final NotifyProperties properties;

    public AgentSeeder(AgentRegistry registry, AgentSeeds seeds, NotifyProperties properties) {
        this.registry = registry;
        this.properties = properties;
        // seeding in the constructor (not in run()) so the Kafka consumers, started later, already see the agents
        seeds.agents().forEach(registry::seed);
        log.info("seeded {} configured agents", seeds.agents().size());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.find(properties.dutyManagerId()).isEmpty()) {
            log.warn(
                    "duty manager '{}' is not in the agents registry: unroutable leads will wait",
                    properties.dutyManagerId());
        }
    }
}
