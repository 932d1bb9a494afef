package cn.zschangfang.content.config;

import java.time.Clock;
import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;

/** The clock and the indexes the queries rely on (created explicitly; auto-index-creation stays off). */
@Configuration
public class MongoSetup {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApplicationRunner contentIndexes(MongoTemplate mongo) {
        return (ApplicationArguments args) -> createIndexes(mongo);
    }

    public static void createIndexes(MongoTemplate mongo) {
        var articles = mongo.indexOps("articles");
        articles.createIndex(new Index("slug", Sort.Direction.ASC).unique().named("slug_unique"));
        articles.createIndex(new CompoundIndexDefinition(new Document("status", 1).append("publishedAt", -1))
                .named("status_published"));
        articles.createIndex(
                new CompoundIndexDefinition(new Document("status", 1).append("views", -1)).named("status_views"));
        articles.createIndex(new Index("tags", Sort.Direction.ASC).named("tags"));
        articles.createIndex(new Index("category", Sort.Direction.ASC).named("category"));
        var views = mongo.indexOps("views");
        views.createIndex(new Index("articleId", Sort.Direction.ASC).named("articleId"));
        views.createIndex(new Index("occurredAt", Sort.Direction.ASC).named("occurredAt"));
        views.createIndex(
                new CompoundIndexDefinition(new Document("day", 1).append("visitorId", 1)).named("day_visitor"));
    }
}
