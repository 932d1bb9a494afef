package cn.zschangfang.site.inquiry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zhongshan's town-level units for the form's town picker, grouped as a visitor looks for them: subdistricts,
 * towns, development zones. Read once from the reference list (a copy of /work/shared/reference, configurable via
 * {@code site.areas}); the values are the full names lead-service stores.
 */
public record Areas(List<Group> groups) {

    public record Group(String label, List<String> names) {}

    public static Areas load(Resource resource, JsonMapper json) {
        try (InputStream in = resource.getInputStream()) {
            JsonNode root = json.readTree(in);
            return new Areas(List.of(
                    new Group("街道", names(root, "subdistricts")),
                    new Group("镇", names(root, "towns")),
                    new Group("开发区 / 新区", names(root, "zones"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the town list " + resource, e);
        }
    }

    private static List<String> names(JsonNode root, String field) {
        return root.path(field).valueStream().map(JsonNode::asString).toList();
    }
}
