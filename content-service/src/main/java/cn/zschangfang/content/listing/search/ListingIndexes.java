package cn.zschangfang.content.listing.search;

import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Indexes of {@code listings} and {@code listing_audit}, created explicitly at start (auto-index-creation stays
 * off). Every public query starts with {@code status = PUBLISHED}, so each index leads with it (equality, then sort
 * or range, the ESR rule); town and type are the most selective equality filters visitors use.
 */
@Component
public class ListingIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    public ListingIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        create(mongo);
    }

    public static void create(MongoTemplate mongo) {
        var listings = mongo.indexOps("listings");
        listings.createIndex(new Index("slug", Sort.Direction.ASC).unique().named("slug_unique"));
        listings.createIndex(compound("status_published", new Document("status", 1).append("publishedAt", -1)));
        listings.createIndex(compound(
                "status_town_type_published",
                new Document("status", 1)
                        .append("spec.town", 1)
                        .append("spec.propertyType", 1)
                        .append("publishedAt", -1)));
        listings.createIndex(compound("status_area", new Document("status", 1).append("areaSqm", 1)));
        listings.createIndex(compound("status_rent", new Document("status", 1).append("spec.rentYuanPerSqmMonth", 1)));
        listings.createIndex(compound("status_updated", new Document("status", 1).append("updatedAt", -1)));
        listings.createIndex(new Index("spec.agentId", Sort.Direction.ASC).named("agent"));
        // Only listings with unpublished events carry outboxSince: the relay's scan stays small.
        listings.createIndex(
                new Index("outboxSince", Sort.Direction.ASC).sparse().named("outbox"));
        mongo.indexOps("listing_audit").createIndex(new Index("at", Sort.Direction.DESC).named("at"));
        mongo.indexOps("listing_audit")
                .createIndex(compound("listing_at", new Document("listingId", 1).append("at", -1)));
    }

    private static CompoundIndexDefinition compound(String name, Document keys) {
        CompoundIndexDefinition index = new CompoundIndexDefinition(keys);
        index.named(name);
        return index;
    }
}
