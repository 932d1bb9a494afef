package cn.zschangfang.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
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

/**
 * The stand-in's secondary indexes change what a query reads, never what it answers: the same random documents,
 * writes and queries against the stand-in and the plain library give the same documents in the same order.
 */
class SecondaryIndexTest {

    private static final long T0 = 1_780_000_000_000L;
    private static final List<String> STATUSES = List.of("PENDING", "IN_FLIGHT", "SENT", "FAILED");

    @TempDir
    Path dir;

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of(
                        "h2",
                        (Supplier<MongoBackend>) () -> IndexedBackends.h2(new MVStore.Builder().open()),
                        (Supplier<MongoBackend>) () -> new H2Backend(new MVStore.Builder().open())),
                Arguments.of("memory", (Supplier<MongoBackend>) IndexedBackends::memory, (Supplier<MongoBackend>)
                        MemoryBackend::new));
    }

    private static long narrowed(MongoBackend backend) {
        return backend instanceof IndexedBackends.H2 h2
                ? h2.narrowedQueries.sum()
                : ((IndexedBackends.Memory) backend).narrowedQueries.sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void randomWritesAndQueriesAnswerAsThePlainLibraryDoes(
            String name, Supplier<MongoBackend> indexed, Supplier<MongoBackend> plain) {
        MongoBackend standIn = indexed.get();
        withServers(standIn, plain.get(), pair -> {
            pair.run(c -> c.createIndex(Indexes.ascending("status", "at")));
            pair.run(c -> c.createIndex(Indexes.ascending("events.at")));
            pair.run(c -> c.createIndex(Indexes.descending("at")));
            Random random = new Random(20261207L);
            for (int i = 0; i < 300; i++) {
                Document d = document(random, "d" + i);
                pair.run(c -> c.insertOne(d));
            }
            for (int step = 0; step < 300; step++) {
                Bson filter = filter(random);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        String status = STATUSES.get(random.nextInt(STATUSES.size()));
                        pair.compare(c -> c.updateMany(filter, Updates.set("status", status))
                                .getModifiedCount());
                    }
                    case 1 -> {
                        Date at = date(random);
                        pair.compare(
                                c -> c.updateOne(filter, Updates.set("at", at)).getModifiedCount());
                    }
                    case 2 ->
                        pair.compare(c ->
                                c.updateOne(filter, Updates.unset("status")).getModifiedCount());
                    case 3 -> {
                        Document event = new Document("at", date(random));
                        pair.compare(c -> c.updateMany(filter, Updates.push("events", event))
                                .getModifiedCount());
                    }
                    case 4 -> {
                        if (random.nextInt(4) == 0) {
                            pair.compare(c -> c.deleteOne(filter).getDeletedCount());
                        } else {
                            Document d = document(random, "n" + step);
                            pair.run(c -> c.insertOne(d));
                        }
                    }
                    default -> pair.compare(c -> c.countDocuments(filter));
                }
                // Unsorted on purpose: the documents must also come in the plain library's order.
                pair.compare(c -> c.find(filter).into(new ArrayList<>()));
                pair.compare(
                        c -> c.find(filter).sort(Sorts.ascending("at")).limit(7).into(new ArrayList<>()));
            }
        });
        assertThat(narrowed(standIn)).as("queries answered from an index").isGreaterThan(250);
    }

    @Test
    void theServicesPeriodicQueriesReadOnlyWhatTheirIndexesHold() {
        IndexedBackends.Memory standIn = IndexedBackends.memory();
        withServers(standIn, new MemoryBackend(), pair -> {
            pair.run(c -> c.createIndex(Indexes.ascending("status", "nextAttemptAt")));
            pair.run(c -> c.createIndex(Indexes.ascending("pendingEvents.occurredAt")));
            for (int i = 0; i < 2_000; i++) {
                Document d = new Document("_id", "k" + i)
                        .append("status", i % 500 == 0 ? "PENDING" : "SENT")
                        .append("nextAttemptAt", new Date(T0 + i))
                        .append("attempt", i % 1000 == 0 ? 1 : 0)
                        .append(
                                "pendingEvents",
                                i % 400 == 0 ? List.of(new Document("occurredAt", new Date(T0))) : List.of());
                pair.run(c -> c.insertOne(d));
            }
            long before = narrowed(standIn);
            Date now = new Date(T0 + 10_000);
            // notify's delivery sweep
            pair.compare(c -> c.find(Filters.or(
                            Filters.and(
                                    Filters.eq("status", "PENDING"),
                                    Filters.lte("nextAttemptAt", now),
                                    Filters.or(Filters.gt("attempt", 0), Filters.eq("deferred", true))),
                            Filters.and(Filters.eq("status", "IN_FLIGHT"), Filters.lt("leaseUntil", now))))
                    .sort(Sorts.ascending("nextAttemptAt"))
                    .limit(100)
                    .map(d -> d.get("_id"))
                    .into(new ArrayList<>()));
            // lead's outbox relay and its backlog gauge
            pair.compare(c -> c.find(Filters.lt("pendingEvents.occurredAt", now))
                    .map(d -> d.get("_id"))
                    .into(new ArrayList<>()));
            pair.compare(c -> c.countDocuments(Filters.lte("pendingEvents.occurredAt", now)));
            assertThat(narrowed(standIn) - before).isEqualTo(3);
            assertThat(pair.last()).isEqualTo(5L);
        });
    }

    @Test
    void rebuildsItsIndexesFromAStoreThePlainBackendWrote() {
        String file = dir.resolve("store.mv").toString();
        withServers(new H2Backend(new MVStore.Builder().fileName(file).open()), new MemoryBackend(), pair -> {
            pair.run(c -> c.createIndex(Indexes.ascending("state", "ackDeadline")));
            pair.run(c -> c.insertMany(List.of(
                    new Document("_id", "a").append("state", "OPEN").append("ackDeadline", new Date(T0)),
                    new Document("_id", "b").append("state", "ACKNOWLEDGED").append("ackDeadline", new Date(T0)),
                    new Document("_id", "c").append("state", "OPEN").append("ackDeadline", new Date(T0 + 60_000)))));
        });

        IndexedBackends.H2 reopened =
                IndexedBackends.h2(new MVStore.Builder().fileName(file).open());
        withServers(reopened, new MemoryBackend(), pair -> {
            List<Object> due = pair.first()
                    .find(Filters.and(Filters.eq("state", "OPEN"), Filters.lte("ackDeadline", new Date(T0 + 1))))
                    .map(d -> d.get("_id"))
                    .into(new ArrayList<>());
            assertThat(due).containsExactly("a");
        });
        assertThat(reopened.narrowedQueries.sum()).isOne();
    }

    private static Document document(Random random, String id) {
        Document d = new Document("_id", id).append("n", random.nextInt(10));
        switch (random.nextInt(8)) {
            case 0 -> {} // no status
            case 1 -> d.append("status", List.of(STATUSES.get(random.nextInt(4)), "OTHER"));
            case 2 -> d.append("status", random.nextInt(3));
            case 3 -> d.append("status", null);
            default -> d.append("status", STATUSES.get(random.nextInt(4)));
        }
        switch (random.nextInt(6)) {
            case 0 -> {}
            case 1 -> d.append("at", "2026-12-07");
            default -> d.append("at", date(random));
        }
        List<Object> events = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            events.add(new Document("at", date(random)));
        }
        if (random.nextInt(10) == 0) {
            events.add(List.of(new Document("at", date(random))));
        }
        return d.append("events", events);
    }

    private static Date date(Random random) {
        return new Date(T0 + random.nextInt(50) * 1000L);
    }

    private static Bson filter(Random random) {
        String s = STATUSES.get(random.nextInt(4));
        String other = STATUSES.get(random.nextInt(4));
        Date t = date(random);
        return switch (random.nextInt(14)) {
            case 0 -> Filters.eq("status", s);
            case 1 -> new Document("status", new Document("$eq", s));
            case 2 -> Filters.in("status", s, other);
            case 3 -> Filters.in("status", s, 1);
            case 4 ->
                Filters.or(
                        Filters.and(Filters.eq("status", s), Filters.lte("at", t)),
                        Filters.and(Filters.eq("status", other), Filters.gt("n", 4)));
            case 5 -> Filters.and(Filters.gt("n", 3), Filters.eq("status", s));
            case 6 -> Filters.and(Filters.gt("at", new Date(t.getTime() - 20_000)), Filters.lte("at", t));
            case 7 -> random.nextBoolean() ? Filters.lt("events.at", t) : Filters.gte("events.at", t);
            case 8 -> Filters.and(Filters.eq("status", s), Filters.gte("n", 2));
            case 9 -> Filters.ne("status", s);
            case 10 -> Filters.eq("status", null);
            case 11 -> Filters.and(Filters.exists("status"), Filters.lt("at", t));
            case 12 -> Filters.or(Filters.eq("status", s), Filters.eq("n", 1));
            default -> Filters.eq("events.at", t);
        };
    }

    /** The same operations on the stand-in and on the plain library, side by side. */
    private static final class Pair {
        private final MongoCollection<Document> standIn;
        private final MongoCollection<Document> plain;
        private Object last;

        Pair(MongoCollection<Document> standIn, MongoCollection<Document> plain) {
            this.standIn = standIn;
            this.plain = plain;
        }

        void run(Consumer<MongoCollection<Document>> op) {
            op.accept(standIn);
            op.accept(plain);
        }

        void compare(java.util.function.Function<MongoCollection<Document>, Object> op) {
            Object expected = op.apply(plain);
            last = op.apply(standIn);
            assertThat(last).isEqualTo(expected);
        }

        Object last() {
            return last;
        }

        MongoCollection<Document> first() {
            return standIn;
        }
    }

    private static void withServers(MongoBackend standIn, MongoBackend plain, Consumer<Pair> body) {
        MongoServer a = new MongoServer(standIn);
        MongoServer b = new MongoServer(plain);
        InetSocketAddress aa = a.bind();
        InetSocketAddress ba = b.bind();
        try (MongoClient ca = MongoClients.create("mongodb://127.0.0.1:" + aa.getPort());
                MongoClient cb = MongoClients.create("mongodb://127.0.0.1:" + ba.getPort())) {
            body.accept(new Pair(
                    ca.getDatabase("notify").getCollection("deliveries"),
                    cb.getDatabase("notify").getCollection("deliveries")));
        } finally {
            a.shutdown();
            b.shutdown();
        }
    }
}
