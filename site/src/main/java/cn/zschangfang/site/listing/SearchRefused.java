package cn.zschangfang.site.listing;

import cn.zschangfang.site.api.ProblemFields;
import java.util.List;
import org.springframework.web.client.RestClientResponseException;

/**
 * content-service refused a search's filters (a town it does not know, from a hand-edited or outdated link). Carries
 * the problem's messages, one per field refused.
 */
class SearchRefused extends RuntimeException {

    private final List<String> messages;

    private SearchRefused(List<String> messages) {
        super("listing search refused: " + messages.size() + " field(s)");
        this.messages = List.copyOf(messages);
    }

    List<String> messages() {
        return messages;
    }

    static SearchRefused of(RestClientResponseException refusal) {
        List<String> messages = ProblemFields.of(refusal).fieldMessages().values().stream()
                .distinct()
                .toList();
        return new SearchRefused(messages.isEmpty() ? List.of("筛选条件无效") : messages);
    }
}
