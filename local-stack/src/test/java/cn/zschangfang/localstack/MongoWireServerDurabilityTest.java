package cn.zschangfang.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stand-in acknowledged is still there after it is killed: a lead the service answered 201 for must not
 * vanish with the stand-in's process (the local stack's equivalent of MongoDB's journal).
 */
class MongoWireServerDurabilityTest {

    private static final int WRITES = 300;
    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Path store = dir.resolve("store.mv");
        Path log = dir.resolve("mongo.log");
        try (StandInProcess standIn = StandInProcess.start(store, log);
                MongoClient client = MongoClients.create(standIn.uri())) {
            MongoCollection<Document> leads = client.getDatabase("lead").getCollection("leads");
            // Several connections at once, as the services write: their commands share the stand-in's commits.
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = writer; i < WRITES; i += WRITERS) {
                        leads.insertOne(new Document("_id", "lead-" + i).append("status", "NEW"));
                        leads.updateOne(Filters.eq("_id", "lead-" + i), Updates.set("status", "ROUTED"));
                    }
                }));
            }
            for (Future<?> writes : done) {
                writes.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
            // Killed straight after the last acknowledgement, well inside the store's 100 ms auto-commit delay: without
            // GroupCommit, 45 of 300 inserts were gone (session 20).
            standIn.kill();
        }

        try (StandInProcess restarted = StandInProcess.start(store, log);
                MongoClient client = MongoClients.create(restarted.uri())) {
            MongoCollection<Document> leads = client.getDatabase("lead").getCollection("leads");
            assertThat(leads.countDocuments()).isEqualTo(WRITES);
            assertThat(leads.countDocuments(Filters.eq("status", "ROUTED"))).isEqualTo(WRITES);
        }
    }
}
