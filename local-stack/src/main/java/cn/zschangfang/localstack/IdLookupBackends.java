package cn.zschangfang.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.channel.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends with the one query plan every MongoDB has: a filter that pins {@code _id} to one value
 * (or to a list, {@code $in}) reads those documents and nothing else.
 *
 * <p>The library uses its {@code _id} index only when the filter is exactly {@code {_id: v}}. The services' conditional
 * writes add conditions ({@code {_id: k, status: "IN_FLIGHT"}}, a claim's {@code {$and: [{_id: k}, {$or: …}]}}), so
 * each of them deserialised and matched every document of the collection while holding the collection's lock. With a
 * few thousand deliveries stored, that kept the stand-in at a full core and made notify wait on it (measured in
 * session 10: 45-70 ms per conditional update, 123 ms per lead read waiting behind them). MongoDB 8 answers the same
 * filters from its {@code _id} index, so this only removes a cost the stand-in invented: the document is found by the
 * library's own {@code {_id: v}} lookup and then matched against the whole filter, so results do not change.
 *
 * <p>Only string, ObjectId and UUID values take the shortcut; other values (numbers compare across types) keep the
 * library's plan.
 */
final class IdLookupBackends {

    // The map names H2Database uses for a collection's documents and metadata (package-private constants there);
    // IdLookupBackendsTest reopens a store written by the plain backend to prove they still match.
    private static final String H2_DATA_PREFIX = "databases.";
    private static final String H2_META_PREFIX = "meta.";

    private IdLookupBackends() {}

    /** The disk store of {@code ./run.sh}: documents and indexes kept in one H2 MVStore file. */
    static H2 h2(MVStore store) {
        return new H2(store);
    }

    /** Nothing kept after the process ends ({@code ./run.sh --in-memory}, for benchmarks of the services). */
    static Memory memory() {
        return new Memory();
    }

    /**
     * The values a filter pins {@code _id} to ({@code {_id: v}}, {@code {_id: {$eq: v}}} or {@code {_id: {$in: [...]}}}),
     * at its top level or in a top-level {@code $and}.
     */
    static Optional<List<Object>> pinnedIds(Document filter) {
        Object id = filter.get("_id");
        if (id instanceof Document operators && operators.size() == 1) {
            if (operators.containsKey("$eq")) {
                id = operators.get("$eq");
            } else if (operators.get("$in") instanceof Collection<?> values
                    && !values.isEmpty()
                    && values.stream().allMatch(IdLookupBackends::lookedUpById)) {
                return Optional.of(
                        values.stream().distinct().map(Object.class::cast).toList());
            }
        }
        if (lookedUpById(id)) {
            return Optional.of(List.of(id));
        }
        if (filter.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document d) {
                    Optional<List<Object>> nested = pinnedIds(d);
                    if (nested.isPresent()) {
                        return nested;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean lookedUpById(Object id) {
        return id instanceof String || id instanceof ObjectId || id instanceof UUID;
    }

    /** {@code queryDocuments} of the library's collections, which hands a collection's documents to the matcher. */
    @FunctionalInterface
    interface Query {
        QueryResult run(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields);
    }

    /** {@code matchDocumentsFromStream} of the library's collections: the whole filter, order, skip and limit. */
    @FunctionalInterface
    interface Match {
        QueryResult run(
                Stream<Document> documents,
                Document query,
                Document orderBy,
                int skip,
                int limit,
                int batchSize,
                Document fields);
    }

    /**
     * One {@code queryDocuments} call of a collection, answered the same way by both backends' collections: the
     * library's plan unless the filter pins {@code _id}, else the documents found by {@code {_id: v}} for each pinned
     * value, matched against the whole filter. The two library methods are protected, so each collection lends them here.
     */
    record Find(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {

        QueryResult run(Query library, Match match, LongAdder directLookups) {
            Optional<List<Object>> ids = pinnedIds(query);
            if (ids.isEmpty()) {
                return library.run(query, orderBy, skip, limit, batchSize, fields);
            }
            directLookups.increment();
            Stream<Document> found = ids.get().stream()
                    .flatMap(id -> StreamSupport.stream(
                            library.run(new Document("_id", id), null, 0, 0, 0, null)
                                    .spliterator(),
                            false));
            return match.run(found, query, orderBy, skip, limit, batchSize, fields);
        }
    }

    /**
     * Also answers a write command only once the store has committed it, where the library leaves writes to the
     * store's auto-commit: a write acknowledged in the 100 ms before a kill -9 was lost (session 20: 45 of 300
     * acknowledged inserts, {@code MongoWireServerDurabilityTest}), so a lead answered 201 could vanish with the
     * stand-in. MongoDB journals before it acknowledges {@code w: majority}; this is the stand-in's equivalent for a
     * crash of its process (the commit reaches the operating system, not the disk: no fsync, as a power cut is not a
     * development stack's failure).
     */
    static final class H2 extends H2Backend {

        final LongAdder directLookups = new LongAdder();
        private final GroupCommit commits;

        private H2(MVStore store) {
            super(store);
            commits = new GroupCommit(store);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // Also after a failure: a batch may have written part of itself (insertMany before a duplicate key).
                if (GroupCommit.writes(command)) {
                    commits.awaitCommit();
                }
            }
        }

        @Override
        public void close() {
            commits.close();
            super.close();
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected MongoCollection<Object> openOrCreateCollection(
                        String collectionName, CollectionOptions options) {
                    // Also called from H2Database's constructor: read the store from the enclosing backend, whose
                    // field is set by then.
                    MVStore store = getMvStore();
                    String fullName = getFullCollectionNamespace(collectionName);
                    return new Collection(
                            this,
                            collectionName,
                            options,
                            store.openMap(H2_DATA_PREFIX + fullName),
                            store.openMap(H2_META_PREFIX + fullName),
                            cursorRegistry);
                }
            };
        }

        private final class Collection extends H2Collection {

            Collection(
                    MongoDatabase database,
                    String name,
                    CollectionOptions options,
                    MVMap<Object, Document> dataMap,
                    MVMap<String, Object> metaMap,
                    CursorRegistry cursors) {
                super(database, name, options, dataMap, metaMap, cursors);
            }

            @Override
            protected QueryResult queryDocuments(
                    Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
                Find find = new Find(query, orderBy, skip, limit, batchSize, fields);
                return find.run(super::queryDocuments, this::matchDocumentsFromStream, directLookups);
            }
        }
    }

    static final class Memory extends MemoryBackend {

        final LongAdder directLookups = new LongAdder();

        private Memory() {}

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new Collection(this, collectionName, options, cursorRegistry);
                }
            };
        }

        private final class Collection extends MemoryCollection {

            Collection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
                super(database, name, options, cursors);
            }

            @Override
            protected QueryResult queryDocuments(
                    Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
                Find find = new Find(query, orderBy, skip, limit, batchSize, fields);
                return find.run(super::queryDocuments, this::matchDocumentsFromStream, directLookups);
            }
        }
    }
}
