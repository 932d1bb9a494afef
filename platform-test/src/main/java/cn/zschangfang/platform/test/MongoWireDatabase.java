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
 * the cached context.
 *
 * <p>With {@link #dedicated()} the context gets a server of its own instead, registered as the bean {@link
 * MongoWireServer.Dedicated}, which a test autowires to stop MongoDB and see how the service behaves without it; the
 * server is closed with the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface MongoWireDatabase {

    /** The database name; one per test class (or family of classes sharing a context) keeps their data apart. */
    String value();

    /** A server of the context's own, which the test may stop (see the class comment). */
    boolean dedicated() default false;
}
