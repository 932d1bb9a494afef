package cn.zschangfang.platform.test;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Applies {@link MongoWireDatabase}: registered in {@code META-INF/spring.factories}, so any test with platform-test
 * on its classpath can use the annotation. The customizer is a record, so two classes naming the same database share
 * one cached context, and different databases never do.
 */
public final class MongoWireDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        MongoWireDatabase database =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, MongoWireDatabase.class);
        return database == null ? null : new Customizer(database.value(), database.dedicated());
    }

    private record Customizer(String database, boolean dedicated) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            String uri;
            if (dedicated) {
                MongoWireServer.Dedicated server = MongoWireServer.dedicated();
                context.getBeanFactory().registerSingleton("mongoWireServer", server);
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent) {
                        server.close();
                    }
                });
                uri = server.uri(database);
            } else {
                uri = MongoWireServer.uri(database);
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("mongoWireDatabase", Map.of("spring.mongodb.uri", uri)));
        }
    }
}
