package cn.zschangfang.content.web;

import java.io.IOException;

/** Thrown while reading a (possibly chunked) body that exceeds its limit; an IOException so parsers pass it on. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException() {
        super("request body too large");
    }
}
