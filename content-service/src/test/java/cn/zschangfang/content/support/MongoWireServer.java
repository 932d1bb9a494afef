package cn.zschangfang.content.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One in-memory MongoDB-wire server per test JVM, on a random free port. */
public final class MongoWireServer {

    private static MongoServer server;
    private static String uri;

    private MongoWireServer() {}

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort() + "/";
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return uri + database;
    }
}
