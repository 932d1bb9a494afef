package cn.zschangfang.site.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The manager dashboard ({@code site.dashboard.*}).
 *
 * @param kafkaBrokers where the live events come from (env {@code KAFKA_BROKERS})
 * @param live whether this instance reads the live events at all (tests of other pages switch it off)
 * @param refreshInterval how often history is re-read from the stats APIs
 * @param pushInterval how often changed live figures are pushed to open screens (a new lead goes at once)
 */
@ConfigurationProperties("site.dashboard")
public record DashboardProperties(
        @DefaultValue("127.0.0.1:9092") String kafkaBrokers,
        @DefaultValue("true") boolean live,
        @DefaultValue("30s") Duration refreshInterval,
        @DefaultValue("2s") Duration pushInterval) {}
