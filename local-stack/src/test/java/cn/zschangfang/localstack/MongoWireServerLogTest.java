package cn.zschangfang.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's own log: mongo-java-server logs a command it fails to handle in full, and a failed upsert of a lead
 * carries the visitor's phone. The server process runs as the local stack runs it, on a free port.
 */
class MongoWireServerLogTest {

    private static final String PHONE = "13919861447";

    @TempDir
    Path dir;

    @Test
    void aCommandThatFailsLeavesNoDocumentValueInTheServersLog() throws Exception {
        int port = freePort();
        Path log = dir.resolve("mongo.log");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoWireServer.class.getName(),
                        String.valueOf(port),
                        dir.resolve("store.mv").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> accepts(port));
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> leads = client.getDatabase("lead").getCollection("leads");
                leads.insertOne(new Document("_id", "taken"));
                // An upsert whose new document collides with an existing _id: the server answers E11000 and logs.
                assertThatThrownBy(() -> leads.findOneAndUpdate(
                                Filters.eq("phone", PHONE),
                                Updates.set("_id", "taken"),
                                new FindOneAndUpdateOptions().upsert(true)))
                        .isInstanceOf(MongoCommandException.class);
                // A command the server does not know, carrying a field of the visitor's: logged as an unknown query.
                assertThatThrownBy(() -> client.getDatabase("lead")
                                .runCommand(new Document("frobnicate", "leads").append("phone", PHONE)))
                        .isInstanceOf(MongoCommandException.class);
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).contains("listening on 127.0.0.1:" + port).doesNotContain(PHONE);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
