package cn.zschangfang.lead.inquiry;

import cn.zschangfang.platform.test.MongoWireServer;
import java.util.UUID;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A MongoDB slice test (subclasses {@code @Import} the stores they test) on the shared MongoDB-wire stand-in, in a
 * database of its own for each application context, so one test class's documents never show up in another's
 * queries.
 */
@DataMongoTest
public abstract class StandInMongoTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        String database = "leads-slice-" + UUID.randomUUID();
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri(database));
    }
}
