package cn.zschangfang.content.listing.model;

/** Whole or divisible lease (分租 with the smallest divisible area in {@code minDivisibleSqm}). */
public enum LeaseMode {
    WHOLE("整租"),
    DIVISIBLE("分租");

    private final String label;

    LeaseMode(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
