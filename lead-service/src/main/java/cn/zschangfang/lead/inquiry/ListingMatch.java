package cn.zschangfang.lead.inquiry;

import java.util.List;

/**
 * A published listing that fits the inquiry, with its score (0–100) and the reasons the points were given
 * (面积吻合, 层高满足, 同镇街 …). A lead keeps at most five, best first.
 */
public record ListingMatch(String listingId, String slug, String title, int score, List<String> reasons) {

    public ListingMatch {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
