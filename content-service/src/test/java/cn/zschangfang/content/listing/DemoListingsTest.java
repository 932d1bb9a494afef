package cn.zschangfang.content.listing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.content.listing.model.ListingNormalizer;
import cn.zschangfang.content.listing.model.ListingSpec;
import cn.zschangfang.content.listing.reference.ZhongshanTowns;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's demo listings ({@code local-stack/src/main/resources/demo/listings.json}) are valid import
 * items, marked as demo, spread over the towns, each with the demo agent the listing contract gives its town.
 */
class DemoListingsTest {

    private static final Map<String, Set<String>> AGENT_TOWNS = Map.of(
            "demo-liwei", Set.of("火炬开发区", "南朗街道", "三角镇", "民众街道"),
            "demo-chenjing", Set.of("小榄镇", "古镇镇", "横栏镇"),
            "demo-huangtao", Set.of("三乡镇", "坦洲镇", "板芙镇", "神湾镇"));

    @Test
    void demoListingsAreValidDemoDataWithTheirTownsAgents() throws IOException {
        JsonMapper strict = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        List<ListingSpec> listings = strict.readValue(
                Files.readString(Path.of("..", "local-stack", "src", "main", "resources", "demo", "listings.json")),
                new TypeReference<List<ListingSpec>>() {});
        assertThat(listings).hasSizeBetween(25, 40);
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        ListingNormalizer normalizer = new ListingNormalizer(new ZhongshanTowns());
        Set<String> slugs = new HashSet<>();
        Set<String> towns = new HashSet<>();
        for (ListingSpec listing : listings) {
            assertThat(validator.validate(listing)).as(listing.slug()).isEmpty();
            ListingSpec stored = normalizer.normalize(listing, listing.slug());
            assertThat(slugs.add(listing.slug()))
                    .as("unique slug %s", listing.slug())
                    .isTrue();
            assertThat(listing.markedDemo()).as(listing.slug()).isTrue();
            towns.add(stored.town());
            AGENT_TOWNS.forEach((agent, agentTowns) -> {
                if (agentTowns.contains(stored.town())) {
                    assertThat(listing.agentId()).as(listing.slug()).isEqualTo(agent);
                }
            });
            if (AGENT_TOWNS.values().stream().noneMatch(t -> t.contains(stored.town()))) {
                assertThat(listing.agentId()).as(listing.slug()).isEqualTo("demo-geyiming");
            }
        }
        assertThat(towns).hasSizeGreaterThanOrEqualTo(15);
    }
}
