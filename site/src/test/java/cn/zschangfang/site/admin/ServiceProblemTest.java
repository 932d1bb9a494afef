package cn.zschangfang.site.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClientResponseException;

class ServiceProblemTest {

    private static ServiceProblem of(HttpStatus status, String json) {
        return ServiceProblem.of(new RestClientResponseException(
                status.getReasonPhrase(),
                status,
                status.getReasonPhrase(),
                null,
                json.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedTransitionSaysSoWithTheServicesChineseDetail() {
        assertThat(of(HttpStatus.CONFLICT, "{\"status\":409,\"detail\":\"不能从草稿直接上架\"}")
                        .getMessage())
                .isEqualTo("当前状态不允许此操作：不能从草稿直接上架");
        // an English detail is for developers: the sentence alone
        assertThat(of(HttpStatus.CONFLICT, "{\"status\":409,\"detail\":\"illegal transition\"}")
                        .getMessage())
                .isEqualTo("当前状态不允许此操作");
    }

    @Test
    void fieldErrorsKeepTheFirstMessagePerFieldAndABodyThatIsNoProblemStillGivesTheStatus() {
        ServiceProblem problem = of(HttpStatus.BAD_REQUEST, """
                {"errors":[{"field":"workingHours[0].from","message":"必填"},{"field":"workingHours[0].from","message":"x"},
                           {"field":"name","message":"内容过长"}]}
                """);
        assertThat(problem.fieldErrors())
                .containsEntry("workingHours[0].from", "必填")
                .containsEntry("name", "内容过长");
        assertThat(of(HttpStatus.BAD_GATEWAY, "<html>bad gateway</html>").status())
                .isEqualTo(502);
    }
}
