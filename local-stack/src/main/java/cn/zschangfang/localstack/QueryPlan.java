package cn.zschangfang.localstack;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The query plans the stand-in adds to mongo-java-server, shared by both backends' collections.
 *
 * <p>A filter that pins {@code _id} to one value (or to a list, {@code $in}) reads those documents and nothing else.
 * The library uses its {@code _id} index only when the filter is exactly {@code {_id: v}}. The services' conditional
 * writes add conditions ({@code {_id: k, status: "IN_FLIGHT"}}, a claim's {@code {$and: [{_id: k}, {$or: …}]}}), so
 * each of them deserialised and matched every document of the collection while holding the collection's lock. With a
 * few thousand deliveries stored, that kept the stand-in at a full core and made notify wait on it (measured in
 * session 10: 45-70 ms per conditional update, 123 ms per lead read waiting behind them). MongoDB 8 answers the same
 * filters from its {@code _id} index, so this only removes a cost the stand-in invented: the document is found by the
 * library's own {@code {_id: v}} lookup and then matched against the whole filter, so results do not change. Only
 * string, ObjectId and UUID values take the shortcut; other values (numbers compare across types) keep the library's
 * plan.
 *
 * <p>An aggregation that starts with {@code $match} (what the driver sends for {@code countDocuments}, and so every
 * {@code MongoTemplate.count}) reads its input as a query with that filter, so the indexes narrow it too; the
 * {@code $match} stage still runs on what is read. The library reads a pipeline's input from the collection as a query
 * with an empty filter on the thread that handles the command, so the filter is handed over in a thread-local.
 */
final class QueryPlan {

    private static final ThreadLocal<LeadingMatch> LEADING_MATCH = new ThreadLocal<>();

    private QueryPlan() {}

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
                    && values.stream().allMatch(QueryPlan::lookedUpById)) {
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
     * library's plan (which uses the collection's indexes) unless the filter pins {@code _id}, else the documents found by
     * {@code {_id: v}} for each pinned value, matched against the whole filter. An empty filter reading a pipeline's
     * input takes the pipeline's leading {@code $match}. The two library methods are protected, so each collection lends
     * them here.
     */
    record Find(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {

        QueryResult run(String collection, Query library, Match match, LongAdder directLookups) {
            Document filter = query.isEmpty() ? leadingMatch(collection).orElse(query) : query;
            Optional<List<Object>> ids = pinnedIds(filter);
            if (ids.isEmpty()) {
                return library.run(filter, orderBy, skip, limit, batchSize, fields);
            }
            directLookups.increment();
            Stream<Document> found = ids.get().stream()
                    .flatMap(id -> StreamSupport.stream(
                            library.run(new Document("_id", id), null, 0, 0, 0, null)
                                    .spliterator(),
                            false));
            return match.run(found, filter, orderBy, skip, limit, batchSize, fields);
        }
    }

    private record LeadingMatch(String collection, Document filter) {}

    /**
     * Runs a database command; for an aggregation whose first stage is a plain {@code $match}, the collection's next
     * read with an empty filter on this thread (the pipeline's input) reads with that filter instead.
     */
    static Document handle(String command, Document query, Supplier<Document> library) {
        if (!"aggregate".equals(command)
                || !(query.get("pipeline") instanceof List<?> stages)
                || stages.isEmpty()
                || !(stages.get(0) instanceof Document first)
                || !(first.get("$match") instanceof Document filter)
                || !filter.keySet().stream().allMatch(QueryPlan::readsAsAQuery)) {
            return library.get();
        }
        LEADING_MATCH.set(new LeadingMatch(String.valueOf(query.get(command)), filter));
        try {
            return library.get();
        } finally {
            LEADING_MATCH.remove();
        }
    }

    // Operators a find filter and a $match stage may not read alike: left to the library's own plan.
    private static boolean readsAsAQuery(String key) {
        return !key.equals("$expr") && !key.equals("$text") && !key.equals("$where");
    }

    private static Optional<Document> leadingMatch(String collection) {
        LeadingMatch pending = LEADING_MATCH.get();
        if (pending == null || !pending.collection().equals(collection)) {
            return Optional.empty();
        }
        LEADING_MATCH.remove(); // the pipeline's input only, not a $lookup of the same collection
        return Optional.of(pending.filter());
    }
}
