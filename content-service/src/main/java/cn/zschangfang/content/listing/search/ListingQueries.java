package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.listing.model.Listing;
import cn.zschangfang.content.listing.model.ListingPage;
import cn.zschangfang.content.listing.model.ListingStatus;
import cn.zschangfang.content.listing.model.ListingSummary;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Public reads: only PUBLISHED listings are ever returned from here. */
@Service
public class ListingQueries {

    private final MongoTemplate mongo;

    public ListingQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public ListingPage search(ListingFilter filter, ListingSort sort, int page, int size) {
        Query query = Query.query(ListingCriteria.of(filter, sort));
        long total = mongo.count(query, Listing.class);
        query.with(ListingCriteria.sortOf(sort)).skip((long) page * size).limit(size);
        // Search results never need the description, the status history or the outbox.
        query.fields().exclude("spec.description", "statusHistory", "pendingEvents");
        List<ListingSummary> items = mongo.find(query, Listing.class).stream()
                .map(ListingSummary::of)
                .toList();
        return new ListingPage(items, page, size, total);
    }

    /** The published listing with this id or slug, or null. */
    public Listing findPublished(String idOrSlug) {
        Query query = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("_id").is(idOrSlug),
                        Criteria.where("slug").is(idOrSlug))
                .and("status")
                .is(ListingStatus.PUBLISHED));
        return mongo.findOne(query, Listing.class);
    }
}
