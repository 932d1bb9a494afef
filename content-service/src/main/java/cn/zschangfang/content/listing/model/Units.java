package cn.zschangfang.content.listing.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Area units: everything is stored in ㎡; 亩 (1 亩 = 666.67 ㎡) only on input and for display. */
public final class Units {

    public static final BigDecimal SQM_PER_MU = new BigDecimal("666.67");

    private Units() {}

    /** ㎡ of an area given in 亩, rounded to 0.01 ㎡. */
    public static double muToSqm(double mu) {
        return BigDecimal.valueOf(mu)
                .multiply(SQM_PER_MU)
                .setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** 亩 of an area in ㎡, rounded to 0.01 亩. */
    public static Double sqmToMu(Double sqm) {
        if (sqm == null) {
            return null;
        }
        return BigDecimal.valueOf(sqm)
                .divide(SQM_PER_MU, 2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
