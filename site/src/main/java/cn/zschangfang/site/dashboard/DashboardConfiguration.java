package cn.zschangfang.site.dashboard;

import cn.zschangfang.platform.kafka.KafkaClientSecurity;
import cn.zschangfang.site.agent.AgentProperties;
import cn.zschangfang.site.api.LeadClient;
import cn.zschangfang.site.config.SiteProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Wires the dashboard: live aggregates, history reads, the hub, and the Kafka live feed. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    LiveAggregates liveAggregates(Clock clock) {
        return new LiveAggregates(clock);
    }

    @Bean
    DashboardHistory dashboardHistory(
            LeadClient leads,
            RestClient.Builder builder,
            SiteProperties site,
            AgentProperties agent,
            DashboardProperties properties,
            KafkaClientSecurity kafka,
            Clock clock) {
        return new DashboardHistory(leads, builder, site, agent, properties, kafka, clock);
    }

    @Bean
    DashboardHub dashboardHub(
            DashboardHistory history,
            LiveAggregates live,
            DashboardProperties properties,
            AgentProperties agent,
            Clock clock) {
        return new DashboardHub(history, live, new BoardAssembler(clock, agent.ackDeadline()), properties);
    }

    @Bean
    @ConditionalOnProperty(name = "site.dashboard.live", havingValue = "true", matchIfMissing = true)
    LiveFeed liveFeed(
            DashboardProperties properties, KafkaClientSecurity kafka, LiveAggregates live, DashboardHub hub) {
        return new LiveFeed(properties.kafkaBrokers(), kafka, live, hub::changed);
    }
}
