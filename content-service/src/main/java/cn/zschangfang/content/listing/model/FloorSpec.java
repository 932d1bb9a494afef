package cn.zschangfang.content.listing.model;

/** Clear height (m) and floor load (t/㎡) of one floor of a multi-storey building. */
public record FloorSpec(int floor, Double clearHeightM, Double floorLoadTonsPerSqm) {}
