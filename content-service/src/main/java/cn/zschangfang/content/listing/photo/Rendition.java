package cn.zschangfang.content.listing.photo;

import java.util.Locale;

/** The sizes a photo is stored in: one for result lists, one for the detail page's gallery. */
public enum Rendition {
    LIST,
    DETAIL;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".jpg";
    }
}
