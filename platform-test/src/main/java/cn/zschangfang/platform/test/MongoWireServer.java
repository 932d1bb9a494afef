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

    /** A server of one test's own, which the test may stop to see how the service behaves without MongoDB. */
    public static Dedicated dedicated() {
        return new Dedicated();
    }

    /** A MongoDB-wire server that is not shared. */
    public static final class Dedicated implements AutoCloseable {
        private final MongoServer server = new MongoServer(new MemoryBackend());
        private final String base;

        private Dedicated() {
            server.bind("127.0.0.1", 0);
            base = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/";
        }

        /** The URI of {@code database}, with short timeouts so that a stopped server is noticed within a second. */
        public String uri(String database) {
            return base + database + "?serverSelectionTimeoutMS=1000&connectTimeoutMS=500&socketTimeoutMS=1000";
        }

        /** Stops the server and drops its connections: the service's next MongoDB call fails. */
        public void stop() {
            server.shutdownNow();
        }

        @Override
        public void close() {
            stop();
        }
    }
}
