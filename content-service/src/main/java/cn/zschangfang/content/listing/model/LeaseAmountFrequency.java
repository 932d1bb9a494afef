package cn.zschangfang.content.listing.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The unit of {@code leaseAmount} (RESO LeaseAmountFrequency, extended with the area the rent is quoted per). */
public enum LeaseAmountFrequency {
    YUAN_PER_SQM_MONTH("元/㎡/月"),
    YUAN_PER_SQM_DAY("元/㎡/天"),
    YUAN_PER_MU_YEAR("元/亩/年");

    private final String label;

    LeaseAmountFrequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The amount in 元/㎡/月, rounded to 2 decimals, so rents quoted per day or per 亩 and year compare on one scale
     * (a month is 30 days; 1 亩 = 666.67 ㎡).
     */
    public double toYuanPerSqmMonth(double amount) {
        BigDecimal a = BigDecimal.valueOf(amount);
        BigDecimal monthly = switch (this) {
            case YUAN_PER_SQM_MONTH -> a;
            case YUAN_PER_SQM_DAY -> a.multiply(BigDecimal.valueOf(30));
            case YUAN_PER_MU_YEAR ->
                a.divide(Units.SQM_PER_MU, 10, RoundingMode.HALF_UP)
                        .divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP);
        };
        return monthly.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
