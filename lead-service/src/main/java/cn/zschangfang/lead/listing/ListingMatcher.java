package cn.zschangfang.lead.listing;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ListingMatch;
import cn.zschangfang.lead.inquiry.Requirements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Decides whether a listing fits an inquiry and how well. Whatever the visitor stated is a hard filter (deal,
 * type, town, area, ground floor, clear height, power, fire class, crane): a listing that does not say its value
 * for a stated need is left out, since nobody can promise it. Each fulfilled need then earns points with its
 * reason; the budget only scores (a listing slightly over budget is still worth showing).
 */
public final class ListingMatcher {

    /** 1 亩 in ㎡ (the contract's factor, the same as the inquiry form's). */
    public static final double SQM_PER_MU = 666.67;

    static final String SAME_TOWN = "同镇街";
    static final String AREA_FITS = "面积吻合";
    static final String AREA_CLOSE = "面积接近";
    static final String DIVISIBLE = "可分租满足面积";
    static final String GROUND = "一楼或单层";
    static final String HEIGHT = "层高满足";
    static final String POWER = "配电满足";
    static final String FIRE = "消防等级满足";
    static final String CRANE = "行车满足";
    static final String RENT = "租金在预算内";
    static final String PRICE = "售价在预算内";

    /** A structured need that filters when stated and then earns 10 points, with its reason. */
    private record Stated(String reason, Predicate<Requirements> asked, BiPredicate<Requirements, Candidate> met) {}

    // A match lists its reasons in this order.
    private static final List<Stated> STATED = List.of(
            new Stated(GROUND, r -> r.floor() == Requirements.Floor.GROUND_ONLY, (r, l) -> l.groundLevel()),
            new Stated(
                    HEIGHT, r -> r.minClearHeightM() != null, (r, l) -> atLeast(l.clearHeightM(), r.minClearHeightM())),
            new Stated(POWER, r -> r.minPowerKva() != null, (r, l) -> atLeast(l.powerKva(), r.minPowerKva())),
            new Stated(
                    FIRE,
                    r -> r.fireClass() != null,
                    (r, l) -> l.fireClass() != null && l.fireClass().canHost(r.fireClass())),
            new Stated(CRANE, r -> r.craneTonnage() != null, (r, l) -> atLeast(l.craneTonnage(), r.craneTonnage())));

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt(Scored::score)
            .thenComparingLong(s -> s.listing().publishedAtMillis())
            .thenComparing(s -> s.listing().id(), Comparator.reverseOrder())
            .reversed();

    private final double tolerance;

    public ListingMatcher(double areaTolerance) {
        this.tolerance = areaTolerance;
    }

    /** What an inquiry asks for, in the units matching compares (㎡, 元/㎡/月). */
    public record Need(
            Lead.Intent intent,
            Lead.PropertyType propertyType,
            String town,
            Double minSqm,
            Double maxSqm,
            Requirements req) {

        public static Need of(Lead.Inquiry inquiry, Requirements requirements) {
            Double min = null;
            Double max = null;
            if (inquiry.areaSqm() != null) {
                min = inquiry.areaSqm().min();
                max = inquiry.areaSqm().max();
            } else if (inquiry.areaMu() != null) {
                min = mu(inquiry.areaMu().min());
                max = mu(inquiry.areaMu().max());
            }
            return new Need(inquiry.intent(), inquiry.propertyType(), inquiry.town(), min, max, requirements);
        }

        private static Double mu(Double mu) {
            // Rounded to the centiare like the inquiry form's conversion, so both give the same ㎡.
            return mu == null ? null : Math.round(mu * SQM_PER_MU * 100) / 100.0;
        }
    }

    private record Scored(Candidate listing, int score, List<String> reasons) {}

    /** The best {@code limit} of {@code listings} for the need, best first (score, then newest, then id). */
    public List<ListingMatch> best(Need need, Iterable<Candidate> listings, int limit) {
        PriorityQueue<Scored> worstFirst = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
        for (Candidate listing : listings) {
            Scored scored = score(need, listing);
            if (scored != null) {
                worstFirst.add(scored);
                if (worstFirst.size() > limit) {
                    worstFirst.poll();
                }
            }
        }
        List<Scored> best = new ArrayList<>(worstFirst);
        best.sort(BEST_FIRST);
        return best.stream().map(ListingMatcher::toMatch).toList();
    }

    /** Whether the listing passes every hard filter of the need. */
    public boolean matches(Need need, Candidate listing) {
        return score(need, listing) != null;
    }

    /** The match with its reasons, or null when a hard filter rules the listing out. */
    ListingMatch match(Need need, Candidate listing) {
        Scored scored = score(need, listing);
        return scored == null ? null : toMatch(scored);
    }

    private static ListingMatch toMatch(Scored s) {
        return new ListingMatch(
                s.listing().id(), s.listing().slug(), s.listing().title(), s.score(), s.reasons());
    }

    private Scored score(Need need, Candidate l) {
        if (l.leadType() != need.propertyType()) {
            return null;
        }
        if (need.intent() == Lead.Intent.LEASE ? !l.forLease() : !l.forSale()) {
            return null;
        }
        List<String> reasons = new ArrayList<>(6);
        int points = 0;
        if (need.town() != null) {
            if (!need.town().equals(l.town())) {
                return null;
            }
            reasons.add(SAME_TOWN);
            points += 20;
        }
        if (need.minSqm() != null || need.maxSqm() != null) {
            String area = area(need.minSqm(), need.maxSqm(), l);
            if (area == null) {
                return null;
            }
            reasons.add(area);
            points += area.equals(AREA_FITS) ? 25 : 15;
        }
        Requirements req = need.req();
        if (req != null) {
            for (Stated stated : STATED) {
                if (stated.asked().test(req)) {
                    if (!stated.met().test(req, l)) {
                        return null;
                    }
                    reasons.add(stated.reason());
                    points += 10;
                }
            }
            String budget = budget(need.intent(), req.budget(), l);
            if (budget != null) {
                reasons.add(budget);
                points += 15;
            }
        }
        return new Scored(l, Math.min(100, points), List.copyOf(reasons));
    }

    /** The area reason, or null when the listing's area does not fit even with the tolerance. */
    private String area(Double min, Double max, Candidate l) {
        Double area = l.areaSqm();
        if (area == null) {
            return null;
        }
        double low = min == null ? 0 : min * (1 - tolerance);
        double high = max == null ? Double.MAX_VALUE : max * (1 + tolerance);
        if (area >= low && area <= high) {
            boolean inside = (min == null || area >= min) && (max == null || area <= max);
            return inside ? AREA_FITS : AREA_CLOSE;
        }
        // Too large, but let in parts: the smallest part must not exceed what is wanted.
        double wanted = max != null ? max : min;
        if (area > high && l.minDivisibleSqm() != null && l.minDivisibleSqm() <= wanted * (1 + tolerance)) {
            return DIVISIBLE;
        }
        return null;
    }

    private static String budget(Lead.Intent intent, Requirements.Budget budget, Candidate l) {
        if (budget == null || budget.amount() == null || budget.unit() == null) {
            return null;
        }
        if (budget.unit() == Requirements.BudgetUnit.WAN_TOTAL) {
            return intent == Lead.Intent.BUY && l.listPriceWan() != null && l.listPriceWan() <= budget.amount()
                    ? PRICE
                    : null;
        }
        if (intent != Lead.Intent.LEASE || l.rentYuanPerSqmMonth() == null) {
            return null;
        }
        return l.rentYuanPerSqmMonth() <= perSqmMonth(budget) + 1e-9 ? RENT : null;
    }

    /** A rent budget in 元/㎡/月: per day × 30, per 亩 and year ÷ 666.67 ÷ 12 (the contract's normalization). */
    static double perSqmMonth(Requirements.Budget budget) {
        return switch (budget.unit()) {
            case YUAN_PER_SQM_MONTH -> budget.amount();
            case YUAN_PER_SQM_DAY -> budget.amount() * 30;
            case YUAN_PER_MU_YEAR -> budget.amount() / SQM_PER_MU / 12;
            case WAN_TOTAL -> throw new IllegalArgumentException("a purchase budget is not a rent");
        };
    }

    private static boolean atLeast(Double value, double wanted) {
        return value != null && value >= wanted;
    }
}
