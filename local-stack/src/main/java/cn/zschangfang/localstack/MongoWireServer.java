package cn.zschangfang.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-wire-protocol stand-in of the local stack: mongo-java-server with its H2 backend, keeping documents and
 * indexes in one file on disk. Development only: production uses MongoDB 8 (see docker-compose.yml), and the services
 * use no feature this server fakes differently (transactions, $text, change streams, TTL expiry).
 *
 * <p>Usage: {@code MongoWireServer <port> <store-file | memory>}.
 */
public final class MongoWireServer {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.log.";

    /** The store argument that keeps nothing on disk. */
    static final String IN_MEMORY = "memory";

    /** Netty event loops for the services' connections: more than the local stack's pools open at once under load. */
    static final int WORKER_THREADS = 64;

    private MongoWireServer() {}

    private static void quietUnlessSet(String logger, String level) {
        if (System.getProperty(LOG_LEVEL + logger) == null) {
            System.setProperty(LOG_LEVEL + logger, level);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServer <port> <store-file | memory>");
            System.exit(2);
        }
        // mongo-java-server logs the whole document at ERROR in several places: a command it fails to handle (a
        // duplicate key, say), an unknown command, a reply it cannot encode, an exception on a connection. A lead's
        // document carries a name and a phone, and the client receives the same error without it. So the library
        // stays silent except for its start and stop lines. Set before the first logger exists: slf4j-simple reads
        // its levels once.
        quietUnlessSet("de.bwaldvogel", "off");
        quietUnlessSet("de.bwaldvogel.mongo.MongoServer", "info");
        quietUnlessSet("de.bwaldvogel.mongo.backend.h2.H2Backend", "info");
        int port = Integer.parseInt(args[0]);
        MongoBackend backend;
        String where;
        if (IN_MEMORY.equals(args[1])) {
            backend = IdLookupBackends.memory();
            where = "in memory only (nothing is kept when it stops)";
        } else {
            Path store = Path.of(args[1]).toAbsolutePath();
            Files.createDirectories(store.getParent());
            // Each command's writes are committed before its reply (IdLookupBackends.H2); the auto-commit thread
            // stays for what it also does, compacting the file in the background.
            MVStore mvStore = new MVStore.Builder().fileName(store.toString()).open();
            mvStore.setAutoCommitDelay(100);
            backend = IdLookupBackends.h2(mvStore);
            where = "data in " + store;
        }
        MongoServer server = new MongoServer(backend);
        // The library runs each command on the Netty event loop of its connection, and the default 2 × cores loops
        // are shared by every service's pooled connections: one long command (a full-collection scan such as
        // content's view recount: the library keeps no secondary index) then stalls unrelated commands queued on the
        // same loop for seconds (measured in session 12: beacon inserts waiting > 5 s behind it, 504 through the
        // gateway). A loop per connection, as MongoDB's thread per connection, removes that head-of-line blocking.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        System.out.println("mongo-wire server listening on 127.0.0.1:" + port + ", " + where);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            backend.close();
                            System.out.println("mongo-wire server stopped, data flushed");
                            stopped.countDown();
                        },
                        "mongo-wire-shutdown"));
        stopped.await();
    }
}
