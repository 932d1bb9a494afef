package cn.zschangfang.notify.channel;

import java.nio.charset.StandardCharsets;

/**
 * Neutralises visitor-supplied text before it goes into robot markdown: markdown/HTML metacharacters become their
 * full-width look-alikes (readable on a phone, inert for the renderer), line breaks become spaces so no line-start
 * syntax (headers, quotes) can be injected, and {@code ://} is broken so no autolink is created.
 */
public final class SafeText {

    private SafeText() {}

    public static String escape(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        int count = 0;
        for (int i = 0; i < text.length() && count < maxChars; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            switch (cp) {
                case '<' -> sb.append('＜');
                case '>' -> sb.append('＞');
                case '[' -> sb.append('［');
                case ']' -> sb.append('］');
                case '(' -> sb.append('（');
                case ')' -> sb.append('）');
                case '*' -> sb.append('＊');
                case '_' -> sb.append('＿');
                case '`' -> sb.append('｀');
                case '#' -> sb.append('＃');
                case '~' -> sb.append('～');
                case '|' -> sb.append('｜');
                case '@' -> sb.append('＠');
                case '&' -> sb.append('＆');
                case '\\' -> sb.append('＼');
                case '!' -> sb.append('！');
                case '"' -> sb.append('＂');
                case '\'' -> sb.append('＇');
                case '=' -> sb.append('＝');
                case '/' -> sb.append('／');
                default -> {
                    if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                        sb.append(' ');
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        if (count >= maxChars && text.codePointCount(0, text.length()) > maxChars) {
            sb.append('…');
        }
        return sb.toString().strip();
    }

    /** Cuts {@code text} to at most {@code maxBytes} UTF-8 bytes without splitting a character, marking the cut. */
    public static String truncateUtf8(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        String marker = "…";
        int budget = maxBytes - marker.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int len = utf8Length(cp);
            if (bytes + len > budget) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + marker;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
