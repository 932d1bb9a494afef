package cn.zschangfang.notify.support;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates JSON against this service's published contracts (src/main/resources/contracts). */
public final class Contracts {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private Contracts() {}

    public static List<String> violations(String topic, String json) {
        try (InputStream in = Contracts.class.getResourceAsStream("/contracts/" + topic + ".schema.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no contract for " + topic);
            }
            Schema schema = REGISTRY.getSchema(in);
            return schema.validate(json, InputFormat.JSON).stream()
                    .map(Error::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
