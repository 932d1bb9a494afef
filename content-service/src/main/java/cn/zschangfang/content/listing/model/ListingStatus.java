package cn.zschangfang.content.listing.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle 草稿 → 待审核 → 上架 → 已租/已售 → 下架. Only {@link #PUBLISHED} is public. A withdrawn listing may go back
 * to draft to be edited and submitted again; a rejected review goes back to draft.
 */
public enum ListingStatus {
    DRAFT("草稿"),
    PENDING_REVIEW("待审核"),
    PUBLISHED("上架"),
    LEASED("已租"),
    SOLD("已售"),
    WITHDRAWN("下架");

    private final String label;

    ListingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<ListingStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PENDING_REVIEW, WITHDRAWN);
            case PENDING_REVIEW -> EnumSet.of(PUBLISHED, DRAFT, WITHDRAWN);
            case PUBLISHED -> EnumSet.of(LEASED, SOLD, WITHDRAWN);
            case LEASED, SOLD -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.of(DRAFT);
        };
    }

    /**
     * Whether a listing of {@code deal} may go from this status to {@code target}: along the life cycle, and only
     * to 已租 if it was offered for lease, to 已售 if it was offered for sale.
     */
    public boolean canBecome(ListingStatus target, Deal deal) {
        if (!next().contains(target)) {
            return false;
        }
        if (target == LEASED) {
            return deal != Deal.SALE;
        }
        if (target == SOLD) {
            return deal != Deal.LEASE;
        }
        return true;
    }

    /** Leaving {@link #PUBLISHED} for one of these takes the listing off the market ({@code listing-withdrawn}). */
    public boolean isOffMarket() {
        return this == LEASED || this == SOLD || this == WITHDRAWN;
    }
}
