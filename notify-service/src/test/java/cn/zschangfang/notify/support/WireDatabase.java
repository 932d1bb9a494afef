package cn.zschangfang.notify.support;

import cn.zschangfang.platform.test.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A database of each test's own on the shared MongoDB-wire server, for tests that build their beans without Spring:
 * a new name per test starts it empty without dropping anything another test may still read. Register it with
 * {@code @RegisterExtension}; {@link #mongo()} is ready in {@code @BeforeEach}.
 */
public final class WireDatabase implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private MongoClient client;
    private MongoTemplate mongo;

    public WireDatabase(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String db = prefix + "-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireServer.uri(db));
        mongo = new MongoTemplate(client, db);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
    }

    public MongoTemplate mongo() {
        return mongo;
    }
}
