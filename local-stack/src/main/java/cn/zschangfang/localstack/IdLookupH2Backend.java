package cn.zschangfang.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with the one query plan every MongoDB has: a filter that pins {@code _id} to one value
 * reads that document and nothing else.
 *
 * <p>The library uses its {@code _id} index only when the filter is exactly {@code {_id: v}}. The services' conditional
 * writes add conditions ({@code {_id: k, status: "IN_FLIGHT"}}, a claim's {@code {$and: [{_id: k}, {$or: …}]}}), so
 * each of them deserialised and matched every document of the collection while holding the collection's lock. With a
 * few thousand deliveries stored, that kept the stand-in at a full core and made notify wait on it (measured in
 * session 10: 45-70 ms per conditional update, 123 ms per lead read waiting behind them). MongoDB 8 answers the same
 * filters from its {@code _id} index, so this only removes a cost the stand-in invented; the document found is still
 * matched against the whole filter, so results do not change.
 *
 * <p>Only string, ObjectId and UUID values are looked up directly: numbers compare across types in MongoDB ({@code 1}
 * equals {@code 1.0}) but not as map keys, so they keep the library's scan.
 */
final class IdLookupH2Backend extends H2Backend {

    // The map names H2Database uses for a collection's documents and metadata (package-private constants there);
    // IdLookupH2BackendTest reopens a store written by the plain backend to prove they still match.
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private final LongAdder directLookups = new LongAdder();

    IdLookupH2Backend(MVStore store) {
        super(store);
    }

    /** How many queries were answered by one {@code _id} lookup instead of a scan (for the tests). */
    long directLookups() {
        return directLookups.sum();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** The value a filter pins {@code _id} to, at its top level or in a top-level {@code $and}. */
    static Optional<Object> pinnedId(Document filter) {
        Object id = filter.get("_id");
        if (id instanceof Document operators && operators.size() == 1 && operators.containsKey("$eq")) {
            id = operators.get("$eq");
        }
        if (id instanceof String || id instanceof ObjectId || id instanceof UUID) {
            return Optional.of(id);
        }
        if (filter.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document d) {
                    Optional<Object> nested = pinnedId(d);
                    if (nested.isPresent()) {
                        return nested;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // Called from H2Database's constructor too, before this class's own fields would be set: read the store
            // from the enclosing backend, whose field is set by then.
            MVStore store = getMvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            return new Collection(
                    this,
                    collectionName,
                    options,
                    store.openMap(DATA_PREFIX + fullName),
                    store.openMap(META_PREFIX + fullName),
                    cursorRegistry);
        }
    }

    private final class Collection extends H2Collection {

        Collection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> dataMap,
                org.h2.mvstore.MVMap<String, Object> metaMap,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            Optional<Object> id = pinnedId(query);
            if (id.isEmpty()) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            directLookups.increment();
            Document found = getDocument(id.get());
            Stream<Document> candidates = found == null ? Stream.empty() : Stream.of(found);
            return matchDocumentsFromStream(candidates, query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
