package cn.zschangfang.content.cache;

/** A cached (or freshly loaded) answer with its version tag for {@code ETag} / {@code If-None-Match}. */
public record Answer<T>(T body, String etag) {}
