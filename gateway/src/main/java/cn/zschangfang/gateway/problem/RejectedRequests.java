package cn.zschangfang.gateway.problem;

import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (an encoded {@code ..}, a {@code ;} path parameter, a forbidden
 * header) is a 400 problem like every other error, not the servlet container's error page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponseWriter problems) {
        return (request, response, rejected) ->
                problems.write(request, response, Problems.of(ProblemType.BAD_REQUEST, "请求地址或请求头不被接受"));
    }
}
