package cn.zschangfang.content.listing.model;

/** Load-bearing structure of the building. */
public enum Structure {
    STEEL_FRAME("钢结构"),
    REINFORCED_CONCRETE("钢筋混凝土框架"),
    BRICK_CONCRETE("砖混"),
    OTHER("其他");

    private final String label;

    Structure(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
