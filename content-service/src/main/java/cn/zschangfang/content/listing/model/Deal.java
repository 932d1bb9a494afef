package cn.zschangfang.content.listing.model;

/** What the owner offers: 出租, 出售 or 租售. */
public enum Deal {
    LEASE("出租"),
    SALE("出售"),
    LEASE_OR_SALE("租售");

    private final String label;

    Deal(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
