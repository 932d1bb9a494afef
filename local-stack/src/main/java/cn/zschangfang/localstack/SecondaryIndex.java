package cn.zschangfang.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A non-unique index the services declare (single-field or the first field of a compound one), which mongo-java-server
 * accepts and ignores: every query on such a field read and matched the whole collection. Kept in memory and rebuilt
 * from the documents when the collection opens, it narrows a query to the documents whose value at the indexed path can
 * match, and the library then matches those against the whole filter, so results do not change, only what is read.
 *
 * <p>Why it matters here: the periodic queries (notify's delivery sweep every second, escalations, lead's outbox relay
 * and gauges) each scanned every document stored; after a few benchmark runs the idle stand-in kept a core busy.
 * MongoDB 8 answers the same filters from these indexes.
 *
 * <p>Narrowed are only the shapes whose candidates are easy to prove a superset of the matches: a string or date
 * ({@code {f: v}}, {@code $eq}, {@code $in}), a date range ({@code $lt}, {@code $lte}, {@code $gt}, {@code $gte}), found
 * at the top level, in one term of a top-level {@code $and}, or in every branch of a top-level {@code $or}. Everything
 * else (numbers compare across types, {@code null}, {@code $exists}, {@code $ne}) falls back to the library's scan.
 * Values are collected like MongoDB's multikey indexes: each element of an array on the path. A document whose path
 * holds an array of arrays is always a candidate.
 */
final class SecondaryIndex<P> extends Index<P> {

    private final String path;
    private final Comparator<P> naturalOrder;
    private final Runnable onNarrowed;

    // Guarded by this: the library writes under its collection lock, but builds the index before adding it.
    private final Map<Object, P> positionsById = new HashMap<>();
    private final Map<P, Set<Object>> keysByPosition = new HashMap<>();
    private final Map<String, Set<P>> byString = new HashMap<>();
    private final NavigableMap<Long, Set<P>> byMillis = new TreeMap<>();
    private final Set<P> always = new HashSet<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, Comparator<P> naturalOrder, Runnable onNarrowed) {
        super(name, keys, sparse);
        this.path = keys.get(0).getKey();
        this.naturalOrder = naturalOrder;
        this.onNarrowed = onNarrowed;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return candidates(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        onNarrowed.run();
        // In the order a scan would have returned them, for queries without a sort.
        TreeSet<P> ordered = new TreeSet<>(naturalOrder);
        candidates(query).forEach(ordered::addAll);
        ordered.addAll(always);
        return ordered;
    }

    /** The sets of positions that together hold every match, or null when this index cannot narrow the query. */
    private List<Collection<P>> candidates(Document query) {
        List<Collection<P>> direct = query.containsKey(path) ? condition(query.get(path)) : null;
        if (direct != null) {
            return direct;
        }
        if (query.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                List<Collection<P>> byTerm = term instanceof Document d ? candidates(d) : null;
                if (byTerm != null) {
                    return byTerm;
                }
            }
        }
        if (query.get("$or") instanceof List<?> branches && !branches.isEmpty()) {
            List<Collection<P>> union = new ArrayList<>();
            for (Object branch : branches) {
                List<Collection<P>> one = branch instanceof Document d ? candidates(d) : null;
                if (one == null) {
                    return null;
                }
                union.addAll(one);
            }
            return union;
        }
        return null;
    }

    private List<Collection<P>> condition(Object condition) {
        if (!(condition instanceof Document operators)) {
            Collection<P> eq = equalTo(condition);
            return eq == null ? null : List.of(eq);
        }
        if (operators.isEmpty() || !operators.keySet().iterator().next().startsWith("$")) {
            return null; // equality with a whole sub-document
        }
        Collection<P> eq = operators.containsKey("$eq") ? equalTo(operators.get("$eq")) : null;
        if (eq != null) {
            return List.of(eq);
        }
        if (operators.get("$in") instanceof Collection<?> values) {
            List<Collection<P>> union = new ArrayList<>();
            for (Object value : values) {
                Collection<P> one = equalTo(value);
                if (one == null) {
                    return null;
                }
                union.add(one);
            }
            return union;
        }
        return dateRange(operators);
    }

    private Collection<P> equalTo(Object value) {
        if (value instanceof String s) {
            return byString.getOrDefault(s, Set.of());
        }
        Long millis = millis(value);
        return millis == null ? null : byMillis.getOrDefault(millis, Set.of());
    }

    private List<Collection<P>> dateRange(Document operators) {
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        boolean bounded = false;
        for (Map.Entry<String, Object> op : operators.entrySet()) {
            Long bound = millis(op.getValue());
            if (bound == null) {
                continue;
            }
            switch (op.getKey()) {
                case "$gt", "$gte" -> from = Math.max(from, bound);
                case "$lt", "$lte" -> to = Math.min(to, bound);
                default -> {
                    continue;
                }
            }
            bounded = true;
        }
        if (!bounded) {
            return null;
        }
        // Inclusive at both ends: $gt and $lt are then applied by the library's own match.
        return from > to
                ? List.of()
                : new ArrayList<>(byMillis.subMap(from, true, to, true).values());
    }

    private static Long millis(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value instanceof Date date ? date.getTime() : null;
    }

    @Override
    public P getPosition(Document document) {
        synchronized (this) {
            return positionsById.get(document.get("_id"));
        }
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {}

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        positionsById.put(document.get("_id"), position);
        Set<Object> keys = new HashSet<>();
        if (collect(document, path.split("\\."), 0, keys)) {
            always.add(position);
        }
        keysByPosition.put(position, keys);
        for (Object key : keys) {
            if (key instanceof String s) {
                byString.computeIfAbsent(s, k -> new HashSet<>()).add(position);
            } else {
                byMillis.computeIfAbsent((Long) key, k -> new HashSet<>()).add(position);
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionsById.remove(document.get("_id"));
        if (position != null) {
            always.remove(position);
            for (Object key : keysByPosition.remove(position)) {
                Map<?, Set<P>> values = key instanceof String ? byString : byMillis;
                Set<P> at = values.get(key);
                at.remove(position);
                if (at.isEmpty()) {
                    values.remove(key);
                }
            }
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {}

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    /**
     * Adds the string and date values at {@code segments[from..]} to {@code keys}, stepping into arrays as MongoDB's
     * multikey indexes do; true when the path runs into an array of arrays, which this index does not resolve.
     */
    private static boolean collect(Object value, String[] segments, int from, Set<Object> keys) {
        if (value instanceof List<?> elements) {
            boolean unresolved = false;
            for (Object element : elements) {
                if (element instanceof List<?>) {
                    unresolved = true;
                } else {
                    unresolved |= collect(element, segments, from, keys);
                }
            }
            return unresolved;
        }
        if (from == segments.length) {
            if (value instanceof String s) {
                keys.add(s);
            } else if (millis(value) != null) {
                keys.add(millis(value));
            }
            return false;
        }
        return value instanceof Document d
                && d.containsKey(segments[from])
                && collect(d.get(segments[from]), segments, from + 1, keys);
    }

    @Override
    public synchronized long getCount() {
        return positionsById.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsById.clear();
        keysByPosition.clear();
        byString.clear();
        byMillis.clear();
        always.clear();
    }
}
