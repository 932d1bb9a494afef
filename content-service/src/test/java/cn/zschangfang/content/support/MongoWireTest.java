package cn.zschangfang.content.support;

import cn.zschangfang.platform.test.MongoWireDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The MongoDB slice alone ({@link DataMongoTest}) on the MongoDB-wire server, for tests that build the class under
 * test themselves. Subclasses share one application context and one database, which is empty when each test starts.
 */
@DataMongoTest
@MongoWireDatabase("content-data-test")
public abstract class MongoWireTest {

    @Autowired
    protected MongoTemplate mongo;

    @BeforeEach
    void emptyDatabase() {
        mongo.getDb().drop();
    }

    /** An article document with just what the view counter reads and writes, its views all migrated ones. */
    protected void insertArticle(String id, String slug, String title, long migratedViews) {
        mongo.getCollection("articles")
                .insertOne(new Document("_id", id)
                        .append("slug", slug)
                        .append("title", title)
                        .append("migratedViews", migratedViews)
                        .append("countedViews", 0L)
                        .append("views", migratedViews));
    }
}
