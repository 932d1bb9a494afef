package cn.zschangfang.content.listing.search;

import cn.zschangfang.content.listing.model.Units;

/** The unit of the {@code minArea}/{@code maxArea} search parameters. */
public enum AreaUnit {
    SQM,
    MU;

    public Double toSqm(Double value) {
        if (value == null) {
            return null;
        }
        return this == MU ? Units.muToSqm(value) : value;
    }
}
