package cn.zschangfang.content.listing.model;

/** Whether an environmental impact assessment (环评) can be obtained for the space. */
public enum EiaStatus {
    APPROVED("已有环评"),
    OBTAINABLE("可办环评"),
    NOT_OBTAINABLE("不可办环评"),
    UNKNOWN("未知");

    private final String label;

    EiaStatus(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
