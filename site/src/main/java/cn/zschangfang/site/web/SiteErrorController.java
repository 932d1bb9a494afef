package cn.zschangfang.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error of the site is an HTML page in the site's style, whatever the client's {@code Accept}: the site serves
 * only pages (APIs are the services', behind the gateway). No stack trace or exception message is ever shown.
 */
@Controller
class SiteErrorController implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) {
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        response.setStatus(resolved.value());
        model.addAttribute("status", resolved.value());
        boolean notFound = resolved == HttpStatus.NOT_FOUND;
        model.addAttribute("meta", PageMeta.privatePage(notFound ? "页面不存在" : "服务暂时不可用"));
        if (notFound) {
            return "error/404";
        }
        return resolved.is4xxClientError() ? "error/4xx" : "error/5xx";
    }
}
