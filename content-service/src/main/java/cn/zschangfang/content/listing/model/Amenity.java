package cn.zschangfang.content.listing.model;

/** Facilities that come with the space. */
public enum Amenity {
    DORMITORY("宿舍"),
    CANTEEN("食堂"),
    OFFICE("办公"),
    PARKING("停车");

    private final String label;

    Amenity(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
