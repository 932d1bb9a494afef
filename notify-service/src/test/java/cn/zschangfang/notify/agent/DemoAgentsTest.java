package cn.zschangfang.notify.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * The local profile's demo agents are the ones the demo listings name, each with a sandbox robot of its own, and
 * their towns are full names of lead-service's reference list (a town outside it never matches a lead).
 */
class DemoAgentsTest {

    private static List<AgentSpec> localAgents() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("port", Map.of("server.port", "8083")));
        new YamlPropertySourceLoader()
                .load("application-local.yml", new ClassPathResource("application-local.yml"))
                .forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bindOrCreate("notify", AgentSeeds.class).agents();
    }

    @Test
    void demoListingAgentsAreSeededWithSandboxRobotsAndReferenceTowns() throws IOException {
        Map<String, AgentSpec> agents = localAgents().stream().collect(Collectors.toMap(AgentSpec::id, a -> a));
        assertThat(agents)
                .containsKeys("demo-geyiming", "demo-liwei", "demo-chenjing", "demo-huangtao", "duty-manager");
        assertThat(agents.get("demo-liwei").territory().towns()).containsExactly("火炬开发区", "南朗街道", "三角镇", "民众街道");
        assertThat(agents.get("demo-chenjing").territory().towns()).containsExactly("小榄镇", "东凤镇", "古镇镇", "横栏镇");
        assertThat(agents.get("demo-huangtao").territory().towns()).containsExactly("三乡镇", "坦洲镇", "板芙镇", "神湾镇");
        for (String id : List.of("demo-liwei", "demo-chenjing", "demo-huangtao")) {
            assertThat(agents.get(id).channels().wecomWebhook())
                    .isEqualTo("http://127.0.0.1:8083/api/notify/sandbox/robot/" + id);
            assertThat(agents.get(id).channels().wecomUserId()).isNotBlank();
            assertThat(agents.get(id).hasChannel()).isTrue();
        }

        Path leadConfig = Path.of("../lead-service/src/main/resources/application.yml");
        assertThat(leadConfig).exists();
        StandardEnvironment lead = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("lead", new FileSystemResource(leadConfig))
                .forEach(lead.getPropertySources()::addLast);
        List<String> reference = Binder.get(lead)
                .bind("lead.towns", org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                .get();
        assertThat(reference).hasSizeGreaterThan(20);
        agents.values()
                .forEach(a -> assertThat(reference)
                        .as(a.id() + "'s towns")
                        .containsAll(a.territory().towns()));
        assertThat(Files.readString(leadConfig)).doesNotContain("东升镇");
    }
}
