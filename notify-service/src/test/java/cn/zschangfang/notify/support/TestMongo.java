package cn.zschangfang.notify.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One in-memory MongoDB-wire server per test JVM, on a random port. */
public final class TestMongo {

    private static MongoServer server;
    private static String uri;

    private TestMongo() {}

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
