package cn.zschangfang.content.listing.model;

/** Kind of title (产权). */
public enum TitleType {
    RED_BOOK("红本"),
    COLLECTIVE("集体"),
    CONTRACT_ONLY("仅租赁合同"),
    OTHER("其他");

    private final String label;

    TitleType(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
