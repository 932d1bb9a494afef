package cn.zschangfang.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path log = dir.resolve("mongo.log");
        int port;
        try (StandInProcess server = StandInProcess.start(dir.resolve("store.mv"), log);
                MongoClient client = MongoClients.create(server.uri())) {
            port = server.port;
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
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).contains("listening on 127.0.0.1:" + port).doesNotContain(PHONE);
    }
}
