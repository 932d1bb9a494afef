package cn.zschangfang.notify.channel.render;

import cn.zschangfang.notify.channel.OutboundMessage;
import cn.zschangfang.notify.channel.SafeText;
import cn.zschangfang.notify.lead.Lead;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The listing parts of a lead message, each bounded: the source listing, the top matches with their first reasons
 * and links to the public listing pages, and the visitor's structured needs. Titles, reasons and free values are
 * escaped ({@link SafeText}); a slug is percent-encoded, so nothing in a link can end it or start another.
 */
final class ListingLines {

    /** How many matches a message names (the inbox shows all of them). */
    static final int TOP = 3;

    private static final int TITLE_CHARS = 30;
    private static final int REASON_CHARS = 10;
    private static final int REASONS = 2;
    /** A listing link longer than this (an absurd slug) is left out; the title is still named. */
    private static final int MAX_PATH_BYTES = 200;

    private static final Map<String, String> FIRE = Map.of("A", "甲", "B", "乙", "C", "丙", "D", "丁", "E", "戊");
    private static final Map<String, String> UNIT = Map.of(
            "YUAN_PER_SQM_MONTH", " 元/㎡/月",
            "YUAN_PER_SQM_DAY", " 元/㎡/天",
            "YUAN_PER_MU_YEAR", " 元/亩/年",
            "WAN_TOTAL", " 万元");

    private ListingLines() {}

    /** "来源房源：title" with its link, or null. */
    static String source(OutboundMessage message, Lead lead, boolean md) {
        Lead.SourceListing s = lead.sourceListing();
        if (s == null || (s.title() == null && s.slug() == null && s.listingId() == null)) {
            return null;
        }
        return (md ? "> " : "") + "来源房源：" + titled(message, s.title(), s.slug(), s.listingId(), md) + '\n';
    }

    /** One line per match of the top {@value #TOP}, numbered, each whole. */
    static List<String> matches(OutboundMessage message, Lead lead, boolean md) {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Lead.Match m : lead.matches()) {
            if (n == TOP) {
                break;
            }
            n++;
            String reasons = m.reasons().stream()
                    .limit(REASONS)
                    .map(r -> SafeText.escape(r, REASON_CHARS))
                    .collect(Collectors.joining("、"));
            lines.add((md ? "> " : "") + n + ". " + titled(message, m.title(), m.slug(), m.listingId(), md)
                    + (reasons.isEmpty() ? "" : "（" + reasons + "）") + '\n');
        }
        return lines;
    }

    static String matchesHeading(boolean md) {
        return md ? "> **匹配房源**\n" : "匹配房源：\n";
    }

    /** "要求：层高≥8 米，…" naming only what the visitor gave, or null. */
    static String requirements(Lead lead, boolean md) {
        Lead.Requirements r = lead.requirements();
        if (r == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (r.minClearHeightM() != null) {
            parts.add("层高≥" + LeadText.number(r.minClearHeightM()) + " 米");
        }
        if (r.minPowerKva() != null) {
            parts.add("配电≥" + LeadText.number(r.minPowerKva()) + " kVA");
        }
        if ("GROUND_ONLY".equals(r.floor())) {
            parts.add("只限一楼");
        }
        if (r.fireClass() != null) {
            parts.add("消防" + FIRE.getOrDefault(r.fireClass(), SafeText.escape(r.fireClass(), 2)) + "类");
        }
        if (r.craneTonnage() != null) {
            parts.add("行车 " + LeadText.number(r.craneTonnage()) + " 吨");
        }
        if (r.budget() != null && r.budget().amount() != null) {
            String unit = r.budget().unit() == null
                    ? ""
                    : UNIT.getOrDefault(
                            r.budget().unit(), " " + SafeText.escape(r.budget().unit(), 20));
            parts.add("预算 " + LeadText.number(r.budget().amount()) + unit);
        }
        if (r.moveInDate() != null) {
            parts.add(SafeText.escape(r.moveInDate(), 10) + " 入驻");
        }
        if (r.leaseTermMonths() != null) {
            parts.add("租期 " + LeadText.number(r.leaseTermMonths()) + " 个月");
        }
        if (r.industry() != null && !r.industry().isBlank()) {
            parts.add("行业 " + SafeText.escape(r.industry(), 20));
        }
        return parts.isEmpty() ? null : (md ? "> " : "") + "要求：" + String.join("，", parts) + '\n';
    }

    /** The escaped title, linked to the listing's public page when its slug (or id) makes a sane link. */
    static String titled(OutboundMessage message, String title, String slug, String listingId, boolean md) {
        String shown = SafeText.escape(title != null ? title : listingId, TITLE_CHARS);
        String path = pathSegment(slug != null && !slug.isBlank() ? slug : listingId);
        if (path == null) {
            return shown;
        }
        String url = message.listingUrl(path);
        return md ? "[" + shown + "](" + url + ")" : shown + " " + url;
    }

    /** Percent-encoded (no space, bracket, parenthesis or star survives), or null when absent or too long. */
    static String pathSegment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String encoded = URLEncoder.encode(value.strip(), StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return encoded.length() <= MAX_PATH_BYTES ? encoded : null;
    }
}
