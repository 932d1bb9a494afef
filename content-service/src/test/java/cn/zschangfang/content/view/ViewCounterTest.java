package cn.zschangfang.content.view;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.config.ContentProperties;
import cn.zschangfang.content.config.MongoSetup;
import cn.zschangfang.content.support.MongoWireTest;
import cn.zschangfang.content.support.TestContentProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewCounterTest extends MongoWireTest {

    SimpleMeterRegistry meters;
    ViewCounter counter;

    @BeforeEach
    void setUp() {
        MongoSetup.createIndexes(mongo);
        meters = new SimpleMeterRegistry();
        ContentProperties properties = TestContentProperties.defaults();
        counter = new ViewCounter(mongo, properties, meters);
        insertArticle("a1", "a-1", "标题", 36);
    }

    private static List<ViewedRecord> events(int n) {
        List<ViewedRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ViewedRecord(UUID.randomUUID().toString(), Instant.now(), "a1", "a-1", "v" + i));
        }
        return out;
    }

    private long views() {
        return ((Number) mongo.getCollection("articles")
                        .find(new Document("_id", "a1"))
                        .first()
                        .get("views"))
                .longValue();
    }

    @Test
    void redeliveredBatchIsNotCountedTwice() {
        List<ViewedRecord> batch = events(20);
        counter.count(batch);
        counter.count(batch);
        counter.count(batch.subList(5, 15));
        assertThat(views()).isEqualTo(36 + 20);
        assertThat(meters.counter("content.views.counted").count()).isEqualTo(20);
        assertThat(meters.counter("content.views.redelivered").count()).isEqualTo(30);
    }

    @Test
    void overlappingBatchCountsOnlyItsNewEvents() {
        List<ViewedRecord> first = events(10);
        counter.count(first);
        List<ViewedRecord> second = new ArrayList<>(first.subList(5, 10));
        second.addAll(events(7));
        counter.count(second);
        assertThat(views()).isEqualTo(36 + 17);
    }

    @Test
    void staleRecountNeverMovesTheCounterBackwards() {
        counter.count(events(10));
        mongo.getCollection("views").deleteOne(new Document());
        counter.recount("a1");
        assertThat(views()).isEqualTo(46);
    }

    @Test
    void incompleteRecordsAreSkippedAndCounted() {
        List<ViewedRecord> batch = new ArrayList<>(events(3));
        batch.add(null);
        batch.add(new ViewedRecord(null, Instant.now(), "a1", "a-1", "x"));
        counter.count(batch);
        assertThat(views()).isEqualTo(39);
        assertThat(meters.counter("content.views.invalid").count()).isEqualTo(2);
    }
}
