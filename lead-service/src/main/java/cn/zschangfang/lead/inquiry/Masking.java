package cn.zschangfang.lead.inquiry;

/** The only way a phone or a name may appear outside the lead API: masked as 138****9793 and 张*. */
public final class Masking {

    private Masking() {}

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        if (phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first)) + "*";
    }
}
