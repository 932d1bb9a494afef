package cn.zschangfang.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's backends with the query plans every MongoDB has ({@link QueryPlan}): a filter that pins
 * {@code _id} reads those documents only, and a filter on a field the services declared an index for reads only what
 * that index can match ({@link SecondaryIndex}). Results never change; what a query reads does.
 */
final class IndexedBackends {

    // The map names H2Database uses for a collection's documents and metadata (package-private constants there);
    // IdLookupTest reopens a store written by the plain backend to prove they still match.
    private static final String H2_DATA_PREFIX = "databases.";
    private static final String H2_META_PREFIX = "meta.";

    private IndexedBackends() {}

    /** The disk store of {@code ./run.sh}: documents and indexes kept in one H2 MVStore file. */
    static H2 h2(MVStore store) {
        return new H2(store);
    }

    /** Nothing kept after the process ends ({@code ./run.sh --in-memory}, for benchmarks of the services). */
    static Memory memory() {
        return new Memory();
    }

    static final class H2 extends H2Backend {

        final LongAdder directLookups = new LongAdder();
        final LongAdder narrowedQueries = new LongAdder();

        private H2(MVStore store) {
            super(store);
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

                @Override
                public Document handleCommand(
                        Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
                    return QueryPlan.handle(
                            command, query, () -> super.handleCommand(channel, command, query, resolver, oplog));
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(
                        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    // A scan returns documents in the order of the data map's keys.
                    Comparator<Object> order = getMvStore()
                            .openMap(H2_DATA_PREFIX + getFullCollectionNamespace(collectionName))
                            .getKeyType();
                    // A lambda, not a method reference: this may run before the backend's fields are set.
                    return new SecondaryIndex<>(indexName, keys, sparse, order, () -> narrowedQueries.increment());
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
                QueryPlan.Find find = new QueryPlan.Find(query, orderBy, skip, limit, batchSize, fields);
                return find.run(
                        getCollectionName(), super::queryDocuments, this::matchDocumentsFromStream, directLookups);
            }
        }
    }

    static final class Memory extends MemoryBackend {

        final LongAdder directLookups = new LongAdder();
        final LongAdder narrowedQueries = new LongAdder();

        private Memory() {}

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new Collection(this, collectionName, options, cursorRegistry);
                }

                @Override
                public Document handleCommand(
                        Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
                    return QueryPlan.handle(
                            command, query, () -> super.handleCommand(channel, command, query, resolver, oplog));
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(
                        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    // Positions are insertion order, the order of a scan.
                    return new SecondaryIndex<>(
                            indexName,
                            keys,
                            sparse,
                            Comparator.<Integer>naturalOrder(),
                            () -> narrowedQueries.increment());
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
                QueryPlan.Find find = new QueryPlan.Find(query, orderBy, skip, limit, batchSize, fields);
                return find.run(
                        getCollectionName(), super::queryDocuments, this::matchDocumentsFromStream, directLookups);
            }
        }
    }
}
