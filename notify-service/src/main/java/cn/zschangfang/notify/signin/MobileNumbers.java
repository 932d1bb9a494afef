package cn.zschangfang.notify.signin;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an agent types as their mobile on a phone: {@code +86 138 0013 8000}, {@code 0086-13800138000}, full-width
 * digits from a Chinese input method. Normalised to the 11 digits the registry stores.
 */
public final class MobileNumbers {

    private static final Pattern MAINLAND = Pattern.compile("1[3-9]\\d{9}");

    private MobileNumbers() {}

    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.length() > 40) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == '＋') {
                c = '+';
            }
            if (c >= '0' && c <= '9' || c == '+' && digits.isEmpty()) {
                digits.append(c);
            } else if (!(Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c == '-'
                    || c == '－'
                    || c == '('
                    || c == ')')) {
                return Optional.empty();
            }
        }
        String s = digits.toString();
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        } else if (s.length() == 13 && s.startsWith("86")) {
            s = s.substring(2);
        }
        return MAINLAND.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
