package cn.zschangfang.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * One in-memory MongoDB-wire server (mongo-java-server) per test JVM on a random free port; each application
 * context uses a database of its own. Its limits (no transactions, no {@code $text}, no {@code hello}) are listed in
 * the platform notes.
 */
public final class MongoWireServer {

    private static MongoServer server;
    private static String base;

    private MongoWireServer() {}

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            base = "mongodb://127.0.0.1:" + address.getPort() + "/";
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return base + database;
    }
}
