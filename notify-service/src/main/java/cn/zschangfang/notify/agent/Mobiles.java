package cn.zschangfang.notify.agent;

/**
 * Normalises a mainland mobile number as people type it: full-width digits (Chinese input methods produce
 * {@code １３９…}), a {@code +86}/{@code 0086} prefix and separators (spaces, hyphens, dots, brackets) are removed
 * before validation, so {@code +86 139-1234-5678} and {@code １３９１２３４５６７８} are both {@code 13912345678}.
 */
public final class Mobiles {

    private Mobiles() {}

    /** The normalised number, or the input unchanged when it is not made of digits and separators only. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            } else if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' || c == '＋') {
                if (digits.length() > 0) {
                    return raw; // a plus inside the number: not ours to guess
                }
            } else if (!isSeparator(c)) {
                return raw; // letters and the like: let validation name the field
            }
        }
        String s = digits.toString();
        if (s.length() == 15 && s.startsWith("0086")) {
            s = s.substring(4);
        } else if (s.length() == 13 && s.startsWith("86")) {
            s = s.substring(2);
        }
        return s;
    }

    private static boolean isSeparator(char c) {
        return c == ' '
                || c == '\u3000'
                || c == '-'
                || c == '－'
                || (c >= '\u2010' && c <= '\u2015')
                || c == '.'
                || c == '('
                || c == ')'
                || c == '（'
                || c == '）';
    }
}
