package cn.zschangfang.content.listing.model;

/** 单层 or 多层. */
public enum BuildingForm {
    SINGLE_STOREY("单层"),
    MULTI_STOREY("多层");

    private final String label;

    BuildingForm(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
