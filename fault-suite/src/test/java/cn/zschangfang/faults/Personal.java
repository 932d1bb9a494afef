package cn.zschangfang.faults;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The phones and names the suites sent in valid inquiries: none of them may appear in any service's log. */
final class Personal {

    static final String FUZZ_NAME = "司马翾翀";
    static final int FUZZ_PHONES = 20;

    private static final Set<String> PHONES = ConcurrentHashMap.newKeySet();
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    static {
        NAMES.add(FUZZ_NAME);
        for (int i = 0; i < FUZZ_PHONES; i++) {
            PHONES.add(fuzzPhone(i));
        }
    }

    private Personal() {}

    static String fuzzPhone(int i) {
        return String.format("1371234%04d", 5000 + i);
    }

    static void sent(String phone, String name) {
        PHONES.add(phone);
        NAMES.add(name);
    }

    static Set<String> phones() {
        return Set.copyOf(PHONES);
    }

    static Set<String> names() {
        return Set.copyOf(NAMES);
    }
}
