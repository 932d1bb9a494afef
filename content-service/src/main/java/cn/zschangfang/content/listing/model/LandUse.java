package cn.zschangfang.content.listing.model;

/** Land use class of the plot (M0 新型产业, M1–M3 一至三类工业, 仓储). */
public enum LandUse {
    M0("M0新型产业"),
    M1("M1一类工业"),
    M2("M2二类工业"),
    M3("M3三类工业"),
    WAREHOUSING("仓储");

    private final String label;

    LandUse(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
