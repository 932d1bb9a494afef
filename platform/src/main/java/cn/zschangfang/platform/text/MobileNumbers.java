package cn.zschangfang.platform.text;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland mobile numbers: {@code 1[3-9]} + 9 digits, accepted with +86/0086/86, spaces, dashes, dots and
 * parentheses, in half or full width (Chinese input methods in full-width mode type {@code １３８－００１３}).
 * Every place that accepts a mobile (lead capture, duplicate detection, the manager's filter, an agent's registry
 * entry and sign-in) goes through here, so one person's number is one key whichever way it was typed, in every
 * service.
 */
public final class MobileNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    /** Blanks, dashes of every width, dots, parentheses and invisible format characters (zero-width space, bidi). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}.()\\p{Cf}]");

    private MobileNumbers() {}

    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        // NFKC maps full-width digits, ＋, －, （）, ． and the ideographic space to their ASCII forms.
        String digits = SEPARATORS
                .matcher(Normalizer.normalize(input, Normalizer.Form.NFKC))
                .replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
