package cn.zschangfang.lead;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** Validates emitted JSON against the schemas this service owns in {@code src/main/resources/contracts}. */
public final class ContractSchemas {

    private ContractSchemas() {}

    public static List<Error> validate(String topic, String json) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/contracts/" + topic + ".schema.json")) {
            Schema schema = registry.getSchema(in);
            return schema.validate(json, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
