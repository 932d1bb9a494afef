package cn.zschangfang.lead.inquiry;

/**
 * The structured needs of an inquiry (the form's optional 更多要求 step); every field may be null. Stored on the lead
 * as {@code requirements} and carried on {@code lead.captured}; matching applies each stated one as a hard filter or
 * as a scored reason.
 *
 * @param minClearHeightM the lowest clear height (m) the visitor can use
 * @param minPowerKva the least transformer capacity (kVA)
 * @param floor ground floor only, or any floor
 * @param fireClass the fire-hazard class of the visitor's production (甲 … 戊)
 * @param craneTonnage the least crane (行车) capacity in tonnes
 * @param budget the most the visitor wants to pay, in its unit
 * @param moveInDate {@code yyyy-MM-dd}, kept as text so no time zone can shift the day
 * @param leaseTermMonths the lease term wanted
 * @param industry the visitor's trade, free text
 */
public record Requirements(
        Double minClearHeightM,
        Double minPowerKva,
        Floor floor,
        FireClass fireClass,
        Double craneTonnage,
        Budget budget,
        String moveInDate,
        Integer leaseTermMonths,
        String industry) {

    /** Requirements with nothing stated are stored as none at all. */
    public boolean isEmpty() {
        return minClearHeightM == null
                && minPowerKva == null
                && (floor == null || floor == Floor.ANY)
                && fireClass == null
                && craneTonnage == null
                && budget == null
                && moveInDate == null
                && leaseTermMonths == null
                && industry == null;
    }

    public enum Floor {
        GROUND_ONLY,
        ANY
    }

    /**
     * 甲 A … 戊 E, from the most hazardous use to the least. A building rated for a class may host that class and
     * every less hazardous one: rated A hosts anything, rated C hosts C, D and E.
     */
    public enum FireClass {
        A,
        B,
        C,
        D,
        E;

        /** Whether a building rated {@code this} may host production of class {@code needed}. */
        public boolean canHost(FireClass needed) {
            return ordinal() <= needed.ordinal();
        }
    }

    public enum BudgetUnit {
        YUAN_PER_SQM_MONTH,
        YUAN_PER_SQM_DAY,
        YUAN_PER_MU_YEAR,
        /** A purchase price in 万元 (for BUY). */
        WAN_TOTAL
    }

    public record Budget(Double amount, BudgetUnit unit) {}
}
