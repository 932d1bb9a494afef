package cn.zschangfang.platform.test.app;

import cn.zschangfang.platform.problem.ApiException;
import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.web.BodySizeLimitFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as possible that uses everything the platform offers, for the platform's own tests. */
@SpringBootApplication
public class SampleApplication {

    static final long MAX_BODY_BYTES = 256;

    /** A command body: strict, validated. */
    public record Command(
            @NotBlank String name, @Size(max = 5) String note, Integer count) {}

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ProblemResponseWriter problems) {
        return new FilterRegistrationBean<>(new BodySizeLimitFilter(request -> MAX_BODY_BYTES, problems));
    }

    @RestController
    static class SampleController {

        @PostMapping("/sample/commands")
        @ResponseStatus(HttpStatus.CREATED)
        Command create(@Valid @RequestBody Command command) {
            return command;
        }

        @GetMapping("/sample/things")
        String thing(@RequestParam int page) {
            return "page " + page;
        }

        @GetMapping("/sample/missing")
        String missing() {
            throw ApiException.notFound();
        }

        @GetMapping("/sample/conflict")
        String conflict() {
            throw ApiException.conflict("当前状态不允许该变更");
        }

        @GetMapping("/sample/private")
        String restricted() {
            throw ApiException.unauthorized();
        }

        @GetMapping("/sample/store-down")
        String storeDown() {
            throw new DataAccessResourceFailureException("mongodb://db.internal:27017 timed out");
        }

        @GetMapping("/sample/bug")
        String bug() {
            throw new IllegalStateException("internal detail that must not leak");
        }
    }
}
