package cn.zschangfang.site.admin;

import java.util.function.Supplier;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Every back-office call to a service: a refusal becomes a {@link ServiceProblem} the page can show. */
final class Calls {

    private Calls() {}

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw ServiceProblem.of(e);
        } catch (RestClientException e) {
            throw ServiceProblem.unavailable();
        }
    }

    static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
