package cn.zschangfang.platform.health;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * MongoDB health from the {@code ping} command, which MongoDB 8 and the MongoDB-wire stand-in (mongo-java-server,
 * which has no {@code hello}) both answer. Replaces Boot's indicator, which reports DOWN on the stand-in and logs a
 * stack trace per probe. When the server cannot be reached within {@code timeout} the answer is DOWN with the error's
 * class name, and nothing is logged: the probe runs every few seconds, and DOWN is already the report.
 */
public class MongoPingHealthIndicator implements HealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoClient client;
    private final Duration timeout;

    public MongoPingHealthIndicator(MongoClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            client.getDatabase("admin")
                    .withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .runCommand(PING);
            return Health.up().withDetail("command", "ping").build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
