package cn.zschangfang.lead.listing;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.Requirements;
import java.util.Locale;
import java.util.Optional;

/**
 * A published listing as the in-memory index keeps it for matching: its contract values already parsed (deal into
 * lease/sale, content's property type into the lead's, the area that counts for its type), so matching one lead
 * against ten thousand of these is only comparisons.
 *
 * @param areaSqm land area for industrial land, otherwise the building area (else the usable, else the land area)
 * @param groundLevel on the ground floor: floor 1, single-storey, a one-floor building, or land
 */
record Candidate(
        String id,
        String slug,
        String title,
        String agentId,
        Lead.PropertyType leadType,
        boolean forLease,
        boolean forSale,
        String town,
        Double areaSqm,
        Double minDivisibleSqm,
        boolean groundLevel,
        Double clearHeightM,
        Double powerKva,
        Requirements.FireClass fireClass,
        Double craneTonnage,
        Double rentYuanPerSqmMonth,
        Double listPriceWan,
        long publishedAtMillis) {

    /** Empty for a listing whose deal or type this service does not know (it cannot be matched, only named). */
    static Optional<Candidate> of(Listing listing) {
        Listing.Facts f = listing.facts();
        Lead.PropertyType type = leadType(f.propertyType());
        String deal = upper(f.deal());
        if (type == null || deal == null) {
            return Optional.empty();
        }
        boolean lease = deal.equals("LEASE") || deal.equals("LEASE_OR_SALE");
        boolean sale = deal.equals("SALE") || deal.equals("LEASE_OR_SALE");
        if (!lease && !sale) {
            return Optional.empty();
        }
        boolean land = type == Lead.PropertyType.LAND;
        Double area = land
                ? first(f.lotSizeArea(), f.buildingAreaTotal())
                : first(f.buildingAreaTotal(), f.usableArea(), f.lotSizeArea());
        boolean ground = land
                || Integer.valueOf(1).equals(f.floor())
                || Integer.valueOf(1).equals(f.floorsTotal())
                || "SINGLE_STOREY".equals(upper(f.buildingForm()));
        return Optional.of(new Candidate(
                listing.id(),
                f.slug(),
                f.title(),
                f.agentId(),
                type,
                lease,
                sale,
                f.town(),
                area,
                f.minDivisibleSqm(),
                ground,
                f.clearHeightM(),
                f.powerKva(),
                fireClass(f.fireHazardClass()),
                f.craneTonnage(),
                f.rentYuanPerSqmMonth(),
                f.listPriceWan(),
                f.publishedAt() == null ? 0 : f.publishedAt().toEpochMilli()));
    }

    /** The contract's mapping of content's RESO-like property types onto the four an inquiry names. */
    static Lead.PropertyType leadType(String propertyType) {
        String type = upper(propertyType);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "STANDARD_FACTORY", "STANDALONE_COMPOUND", "INDUSTRIAL_PARK" -> Lead.PropertyType.FACTORY;
            case "WAREHOUSE" -> Lead.PropertyType.WAREHOUSE;
            case "INDUSTRIAL_LAND" -> Lead.PropertyType.LAND;
            case "OFFICE" -> Lead.PropertyType.OFFICE;
            default -> null;
        };
    }

    private static Requirements.FireClass fireClass(String value) {
        String v = upper(value);
        if (v == null) {
            return null;
        }
        try {
            return Requirements.FireClass.valueOf(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static Double first(Double... values) {
        for (Double v : values) {
            if (v != null && v > 0) {
                return v;
            }
        }
        return null;
    }
}
