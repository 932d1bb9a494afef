package cn.zschangfang.site.inquiry;

import cn.zschangfang.site.config.SiteProperties;
import java.util.List;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Every town-level name of the reference list, flat: to find which town an article is about. */
@Component
public class TownNames {

    private final List<String> names;

    TownNames(ResourceLoader resources, SiteProperties properties, JsonMapper json) {
        this.names = Areas.load(resources.getResource(properties.areas()), json).groups().stream()
                .flatMap(g -> g.names().stream())
                .toList();
    }

    public List<String> names() {
        return names;
    }
}
