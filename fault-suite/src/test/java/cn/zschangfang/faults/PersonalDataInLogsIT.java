package cn.zschangfang.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Last: after faults, fuzz and poison, no phone number or name the suites sent appears in any log the stack wrote
 * (services, broker, store), whatever path the data took, errors and retries included.
 */
@Order(9)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataInLogsIT {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SUITE_NAME = Pattern.compile("(欧阳|司马)\\p{IsHan}{2}");

    private SharedStack stack;

    @BeforeAll
    void start() throws Exception {
        stack = SharedStack.get();
    }

    @Test
    void noPhoneOrNameTheSuitesSentIsInAnyLog() throws Exception {
        Set<String> phones = Personal.phones();
        Set<String> names = Personal.names();
        List<Path> logs;
        try (Stream<Path> files = Files.list(stack.logDir())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).isNotEmpty();
        long bytes = 0;
        Set<String> leaked = new HashSet<>();
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            bytes += text.length();
            Matcher mobile = MOBILE.matcher(text);
            while (mobile.find()) {
                if (phones.contains(mobile.group())) {
                    leaked.add(log.getFileName() + ": phone " + mobile.group());
                }
            }
            Matcher name = SUITE_NAME.matcher(text);
            while (name.find()) {
                if (names.contains(name.group())) {
                    leaked.add(log.getFileName() + ": name " + name.group());
                }
            }
        }
        System.out.printf(
                "personal data: %d phones and %d names searched in %d logs (%d MB): %d found%n",
                phones.size(), names.size(), logs.size(), bytes / 1_000_000, leaked.size());
        assertThat(leaked).isEmpty();
    }
}
