package cn.zschangfang.site.web;

import java.time.Duration;
import org.springframework.http.CacheControl;

/**
 * The site's two cache policies, spelled one way everywhere (caches and tests compare the header as text).
 *
 * <ul>
 *   <li>{@link #PUBLIC_PAGE}: public pages may be shared by a proxy or the gateway for a second: a burst of readers
 *       costs one render, and an edit still shows within the second the issue allows.
 *   <li>{@link #PERSONAL}: anything behind a sign-in or holding a visitor's or lead's personal data is never stored.
 * </ul>
 */
public final class CachePolicy {

    public static final CacheControl PUBLIC_PAGE =
            CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    public static final CacheControl PERSONAL = CacheControl.noStore().cachePrivate();

    private CachePolicy() {}
}
