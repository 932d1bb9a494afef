package cn.zschangfang.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The local stack's stand-in answers a filter that pins {@code _id} from that one document, with the same results. */
class IdLookupBackendsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("h2", (Supplier<MongoBackend>) () -> IdLookupBackends.h2(new MVStore.Builder().open())),
                Arguments.of("memory", (Supplier<MongoBackend>) IdLookupBackends::memory));
    }

    private static long lookups(MongoBackend backend) {
        return backend instanceof IdLookupBackends.H2 h2
                ? h2.directLookups.sum()
                : ((IdLookupBackends.Memory) backend).directLookups.sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aConditionalWriteByIdReadsOneDocumentAndMatchesTheWholeFilter(String name, Supplier<MongoBackend> create) {
        MongoBackend backend = create.get();
        withServer(backend, deliveries -> {
            for (int i = 0; i < 50; i++) {
                deliveries.insertOne(new Document("_id", "d" + i).append("status", "PENDING"));
            }
            long before = lookups(backend);

            // The id matches, the condition does not (nothing is held yet).
            assertThat(finishIfHeld(deliveries, "d7").getMatchedCount()).isZero();
            // The shape of a claim: {$and: [{_id}, {$or: [...]}]}.
            Document claimed = deliveries.findOneAndUpdate(
                    new Document(
                            "$and",
                            List.of(
                                    new Document("_id", "d7"),
                                    new Document(
                                            "$or",
                                            List.of(
                                                    new Document("status", "PENDING"),
                                                    new Document("status", "ORPHANED"))))),
                    Updates.set("status", "IN_FLIGHT"),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertThat(claimed).isNotNull().containsEntry("status", "IN_FLIGHT");
            assertThat(finishIfHeld(deliveries, "d7").getModifiedCount()).isOne();
            assertThat(deliveries.find(Filters.eq("_id", "missing")).first()).isNull();
            // The shape of a digest's outcome: every listed delivery still held, in one write.
            assertThat(deliveries
                            .updateMany(
                                    Filters.and(Filters.in("_id", "d7", "d8"), Filters.eq("status", "IN_FLIGHT")),
                                    Updates.set("status", "SENT"))
                            .getMatchedCount())
                    .isZero();

            assertThat(lookups(backend) - before).isEqualTo(5);
            assertThat(deliveries.find(Filters.eq("status", "SENT")).map(d -> d.get("_id")))
                    .containsExactly("d7");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void answersEveryFilterShapeAsThePlainBackendDoes(String name, Supplier<MongoBackend> create) {
        List<Function<MongoCollection<Document>, Object>> queries = List.of(
                c -> ids(c, Filters.eq("_id", "a")),
                c -> ids(c, Filters.and(Filters.eq("_id", "a"), Filters.gt("n", 1))),
                c -> ids(c, Filters.and(Filters.eq("_id", "a"), Filters.lt("n", 1))),
                c -> ids(c, new Document("_id", new Document("$eq", "b")).append("tags", "x")),
                c -> ids(c, Filters.in("_id", "a", "c")),
                c -> ids(c, Filters.and(Filters.in("_id", "a", "c", "c", "missing"), Filters.gt("n", 2))),
                c -> ids(c, Filters.in("_id", "b", 1.0)),
                c -> c.updateMany(
                                Filters.and(Filters.in("_id", "a", "b"), Filters.exists("tags", false)),
                                Updates.inc("n", 100))
                        .getModifiedCount(),
                c -> ids(c, Filters.gte("n", 100)),
                c -> ids(c, Filters.eq("_id", 1.0)),
                c -> ids(c, Filters.gte("n", 2)),
                c -> c.updateOne(Filters.and(Filters.eq("_id", "c"), Filters.ne("tags", "x")), Updates.inc("n", 10))
                        .getModifiedCount(),
                c -> c.updateOne(
                                Filters.and(Filters.eq("_id", "new"), Filters.eq("n", 0)),
                                Updates.set("tags", List.of("y")),
                                new com.mongodb.client.model.UpdateOptions().upsert(true))
                        .getUpsertedId(),
                c -> ids(c, Filters.exists("_id")));

        List<Object> plain = run(new H2Backend(new MVStore.Builder().open()), queries);
        List<Object> narrowed = run(create.get(), queries);

        assertThat(narrowed).isEqualTo(plain);
        assertThat(plain.get(9)).as("numbers still compare across types").isEqualTo(List.of(1));
        assertThat(plain.get(5)).as("an $in of ids with another condition").isEqualTo(List.of("c"));
        assertThat(plain.get(8)).as("an update of the listed ids that match").isEqualTo(List.of("a"));
    }

    @Test
    void opensAStoreThePlainBackendWrote() {
        String file = dir.resolve("store.mv").toString();
        MVStore written = new MVStore.Builder().fileName(file).open();
        // Shutting the server down closes the backend and with it the store.
        withServer(new H2Backend(written), c -> c.insertOne(new Document("_id", "kept").append("n", 3)));

        IdLookupBackends.H2 reopened =
                IdLookupBackends.h2(new MVStore.Builder().fileName(file).open());
        withServer(reopened, c -> {
            assertThat(c.find(Filters.and(Filters.eq("_id", "kept"), Filters.eq("n", 3)))
                            .first())
                    .isNotNull();
            assertThat(c.countDocuments()).isOne();
        });
        assertThat(reopened.directLookups.sum()).isOne();
    }

    private static List<Object> run(MongoBackend backend, List<Function<MongoCollection<Document>, Object>> queries) {
        List<Object> results = new ArrayList<>();
        withServer(backend, c -> {
            c.insertMany(List.of(
                    new Document("_id", "a").append("n", 2),
                    new Document("_id", "b").append("n", 3).append("tags", List.of("x")),
                    new Document("_id", "c").append("n", 4),
                    new Document("_id", 1).append("n", 5)));
            for (Function<MongoCollection<Document>, Object> q : queries) {
                results.add(q.apply(c));
            }
        });
        return results;
    }

    /** The shape of notify's "finish only what I hold": {@code _id} and a condition on the delivery's status. */
    private static UpdateResult finishIfHeld(MongoCollection<Document> deliveries, String id) {
        return deliveries.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", "IN_FLIGHT")), Updates.set("status", "SENT"));
    }

    private static List<Object> ids(MongoCollection<Document> c, Bson filter) {
        return c.find(filter)
                .sort(new Document("_id", 1))
                .map(d -> d.get("_id"))
                .into(new ArrayList<>());
    }

    private static void withServer(MongoBackend backend, java.util.function.Consumer<MongoCollection<Document>> body) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            body.accept(client.getDatabase("notify").getCollection("deliveries"));
        } finally {
            server.shutdown();
        }
    }
}
