package cn.zschangfang.platform.test;

/**
 * The container images of every Testcontainers class. The tags are properties of the root pom
 * ({@code test.image.mongo}, {@code test.image.kafka}) passed by Surefire and Failsafe, so one edit moves all tests.
 */
public final class ContainerImages {

    private ContainerImages() {}

    public static String mongo() {
        return image("test.image.mongo");
    }

    public static String kafka() {
        return image("test.image.kafka");
    }

    private static String image(String property) {
        String image = System.getProperty(property);
        if (image == null || image.isBlank()) {
            throw new IllegalStateException(
                    "System property " + property + " is not set: run through Maven, or pass -D" + property + "=…");
        }
        return image;
    }
}
