package cn.zschangfang.content.cache;

import tools.jackson.databind.json.JsonMapper;

/** A cached value with the hash of its JSON, computed once when it was loaded (see {@link Etags}). */
public record Cached<T>(T value, String contentHash) {

    public static <T> Cached<T> of(JsonMapper json, T value) {
        return new Cached<>(value, Etags.contentHash(json, value));
    }
}
