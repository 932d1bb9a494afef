package cn.zschangfang.site.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Throw from a page controller for an unknown slug, tag, lead…: the visitor gets the site's HTML 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String what) {
        super(what + " not found");
    }
}
