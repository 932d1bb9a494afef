package cn.zschangfang.notify.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zschangfang.notify.support.AgentSpecBuilder;
import cn.zschangfang.notify.support.TestProperties;
import cn.zschangfang.notify.support.WireDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Two registries on one database play two notify instances: each keeps its own copy of the active agents. */
class ActiveAgentsTest {

    @RegisterExtension
    final WireDatabase database = new WireDatabase("active-agents");

    private MongoTemplate mongo;
    private AgentRegistry here;
    private AgentRegistry there;

    @BeforeEach
    void setUp() {
        mongo = database.mongo();
        var policy = new WebhookPolicy(TestProperties.notify(Map.of("notify.webhooks.allow-loopback", "true")));
        here = new AgentRegistry(mongo, policy, Clock.systemUTC());
        there = new AgentRegistry(mongo, policy, Clock.systemUTC());
    }

    private static AgentSpec agent(String id) {
        return robotAgent(id).build();
    }

    private static AgentSpecBuilder robotAgent(String id) {
        return AgentSpecBuilder.agent(id).wecom("http://127.0.0.1:9/" + id);
    }

    @Test
    void whileNoAgentChangesEveryReadSharesOneCopyInsteadOfMappingTheAgentsAgain() {
        here.create(agent("a1"));
        here.create(agent("a2"));

        List<Agent> first = here.active();

        assertThat(first).extracting(Agent::id).containsExactly("a1", "a2");
        assertThat(here.active()).isSameAs(first);
    }

    @Test
    void anAgentCreatedChangedOrDeactivatedAtAnotherInstanceIsSeenByTheNextRead() {
        here.create(agent("a1"));
        assertThat(here.active()).extracting(Agent::id).containsExactly("a1");

        there.create(agent("a2"));
        assertThat(here.active()).extracting(Agent::id).containsExactly("a1", "a2");

        there.update("a2", robotAgent("a2").towns(List.of("小榄镇")).build());
        assertThat(here.active())
                .filteredOn(a -> a.id().equals("a2"))
                .singleElement()
                .satisfies(a -> assertThat(a.spec().territory().towns()).containsExactly("小榄镇"));

        there.deactivate("a1");
        assertThat(here.active()).extracting(Agent::id).containsExactly("a2");

        there.seed(agent("seeded"));
        assertThat(here.active()).extracting(Agent::id).containsExactly("a2", "seeded");
    }

    @Test
    void aWriteThatBypassesTheRegistryIsNotSeenUntilTheNextChangeWhichIsWhyEveryWriteGoesThroughIt() {
        here.create(agent("a1"));
        assertThat(here.active()).hasSize(1);

        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("a1")), new Update().set("spec.active", false), Agent.class);
        assertThat(here.active()).as("no revision was counted").hasSize(1);

        there.create(agent("a2"));
        assertThat(here.active()).extracting(Agent::id).containsExactly("a2");
    }
}
