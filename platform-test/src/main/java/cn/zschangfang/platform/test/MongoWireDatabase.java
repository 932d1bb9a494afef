package cn.zschangfang.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the test's application context at database {@link #value()} on the test JVM's shared MongoDB-wire server
 * ({@link MongoWireServer#uri(String)}), by setting {@code spring.mongodb.uri}. Contexts with the same database share
 * the cached context; a test that needs a server it can stop uses {@link MongoWireServer#dedicated()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface MongoWireDatabase {

    /** The database name; one per test class (or family of classes sharing a context) keeps their data apart. */
    String value();
}
