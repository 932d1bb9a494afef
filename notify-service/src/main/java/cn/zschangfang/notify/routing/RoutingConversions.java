package cn.zschangfang.notify.routing;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** Lead cases written before the strategy names were typed keep reading. */
@Configuration(proxyBeanMethods = false)
class RoutingConversions {

    @ReadingConverter
    enum StoredRoutedBy implements Converter<String, RoutedBy> {
        INSTANCE;

        @Override
        public RoutedBy convert(String source) {
            return RoutedBy.fromStored(source);
        }
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(StoredRoutedBy.INSTANCE));
    }
}
