package cn.zschangfang.platform.web;

import java.io.IOException;

/** Thrown while reading a (possibly chunked) body past its cap; an IOException so that parsers pass it on. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException() {
        super("request body too large");
    }
}
