package cn.zschangfang.content.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Sanitizes article HTML on write with jsoup's allow-list, so stored XSS is impossible whatever a client reads the
 * body with: scripts, event handlers, {@code javascript:} URLs and unknown tags are removed.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addAttributes("img", "loading")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);

    private static final int SUMMARY_LENGTH = 120;

    private HtmlSanitizer() {}

    public static String sanitize(String html) {
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        // The base URI only lets relative links survive the allow-list check; it is not written out.
        return Jsoup.clean(html, "https://zschangfang.cn/", SAFELIST, out);
    }

    /** Plain text of the first {@value #SUMMARY_LENGTH} code points of the body, for listings. */
    public static String summaryOf(String html) {
        String text = Jsoup.parse(html).text().replace('\u00a0', ' ').strip();
        if (text.codePointCount(0, text.length()) <= SUMMARY_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
    }
}
