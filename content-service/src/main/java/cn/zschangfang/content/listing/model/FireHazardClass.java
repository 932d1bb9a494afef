package cn.zschangfang.content.listing.model;

import java.util.Arrays;
import java.util.List;

/**
 * 火灾危险性类别 the building is rated for (GB 50016), A 甲 the most hazardous. A building rated for a class may host
 * that class and every less hazardous one: rated A hosts A..E, rated C hosts C, D and E.
 */
public enum FireHazardClass {
    A("甲"),
    B("乙"),
    C("丙"),
    D("丁"),
    E("戊");

    private final String label;

    FireHazardClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a building rated {@code this} may host a use of class {@code needed}. */
    public boolean satisfies(FireHazardClass needed) {
        return ordinal() <= needed.ordinal();
    }

    /** The ratings that satisfy {@code needed}: A..needed. */
    public static List<FireHazardClass> ratingsSatisfying(FireHazardClass needed) {
        return Arrays.stream(values()).filter(r -> r.satisfies(needed)).toList();
    }
}
