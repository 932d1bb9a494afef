package cn.zschangfang.content.listing.model;

/** 耐火等级 of the building (GB 50016). */
public enum FireResistanceGrade {
    GRADE_1("一级"),
    GRADE_2("二级"),
    GRADE_3("三级"),
    GRADE_4("四级");

    private final String label;

    FireResistanceGrade(String label) {
        this.label = label;
    }

    /** Chinese label for display. */
    public String label() {
        return label;
    }
}
