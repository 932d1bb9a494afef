package cn.zschangfang.lead.enrichment;

import cn.zschangfang.lead.dedupe.ProcessedEvents;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binding {@code articleViewed-in-0}: {@code content.article-viewed}, group {@code lead-service}. */
@Configuration(proxyBeanMethods = false)
public class ArticleViewedConsumer {

    @Bean
    Consumer<ArticleViewed> articleViewed(ReadingHistory history, ProcessedEvents processed) {
        return event -> {
            if (!processed.firstTime("article-viewed", event.eventId())) {
                return;
            }
            try {
                history.record(event);
            } catch (RuntimeException e) {
                processed.forget("article-viewed", event.eventId());
                throw e;
            }
        };
    }
}
