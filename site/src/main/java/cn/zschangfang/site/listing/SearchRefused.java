package cn.zschangfang.site.listing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * content-service refused a search's filters (a town it does not know, from a hand-edited or outdated link). Carries
 * the problem's {@code errors[].message}, which the services write in Chinese for visitors.
 */
class SearchRefused extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> messages;

    private SearchRefused(List<String> messages) {
        super("listing search refused: " + messages.size() + " field(s)");
        this.messages = List.copyOf(messages);
    }

    List<String> messages() {
        return messages;
    }

    static SearchRefused of(RestClientResponseException refusal) {
        List<String> messages = new ArrayList<>();
        try {
            JsonNode errors = JSON.readTree(refusal.getResponseBodyAsString()).path("errors");
            for (JsonNode error : errors) {
                String message = error.path("message").asString("");
                if (!message.isBlank() && !messages.contains(message)) {
                    messages.add(message);
                }
            }
        } catch (RuntimeException unreadable) {
            // not a problem document (a proxy's page): the generic sentence below is all there is to say
        }
        return new SearchRefused(messages.isEmpty() ? List.of("筛选条件无效") : messages);
    }
}
