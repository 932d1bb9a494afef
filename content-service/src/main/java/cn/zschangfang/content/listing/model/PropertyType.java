package cn.zschangfang.content.listing.model;

/** RESO PropertyType-like kind of space; lead-service maps it onto its coarser FACTORY/WAREHOUSE/LAND/OFFICE. */
public enum PropertyType {
    STANDARD_FACTORY("标准厂房"),
    STANDALONE_COMPOUND("独门独院"),
    WAREHOUSE("仓库"),
    INDUSTRIAL_LAND("工业用地"),
    OFFICE("写字楼"),
    INDUSTRIAL_PARK("园区");

    private final String label;

    PropertyType(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
