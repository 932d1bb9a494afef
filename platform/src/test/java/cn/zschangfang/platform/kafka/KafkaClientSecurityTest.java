package cn.zschangfang.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"leads\" password=\"s3cret\";";

    @Test
    void nothingSetIsPlaintextAndAddsNoSetting() {
        KafkaClientSecurity security = KafkaClientSecurity.from(name -> null);
        assertThat(security.properties()).isEmpty();
        assertThat(security.summary()).isEqualTo("PLAINTEXT");
    }

    @Test
    void managedKafkaWithScramOverTlsGetsEverySetting() {
        KafkaClientSecurity security = KafkaClientSecurity.from(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS)::get);
        assertThat(security.properties())
                .containsExactly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                        Map.entry("sasl.jaas.config", JAAS));
        assertThat(security.applyTo(new Properties())).containsEntry("security.protocol", "SASL_SSL");
        // the start-up log line names the protocol and mechanism, never the credentials
        assertThat(security.summary())
                .isEqualTo("SASL_SSL, SASL SCRAM-SHA-512, the JDK's trusted CAs")
                .doesNotContain("s3cret");
    }

    @Test
    void saslWithoutAMechanismIsPlain() {
        KafkaClientSecurity security = KafkaClientSecurity.from(
                Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_JAAS_CONFIG", JAAS)::get);
        assertThat(security.properties()).containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void anUnknownProtocolStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> KafkaClientSecurity.from(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS")::get))
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL");
    }

    @Test
    void saslWithoutItsJaasLineStopsTheStart() {
        assertThatThrownBy(() -> KafkaClientSecurity.from(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")::get))
                .hasMessageContaining("KAFKA_SASL_JAAS_CONFIG must be set");
    }

    @Test
    void credentialsWithoutSaslStopTheStartWithoutEchoingThem() {
        assertThatThrownBy(() -> KafkaClientSecurity.from(Map.of("KAFKA_SASL_JAAS_CONFIG", JAAS)::get))
                .hasMessageContaining("KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG need")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> KafkaClientSecurity.from(Map.of("KAFKA_SSL_TRUSTSTORE_PASSWORD", "s3cret")::get))
                .hasMessageContaining("KAFKA_SSL_TRUSTSTORE_* need")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theBinderAndBootsKafkaPropertiesGetTheSettings() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.jks",
                                // a service's own value wins over the platform's
                                "spring.kafka.properties.security.protocol", "SSL")));
        new KafkaSecurityEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol"))
                .isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config"))
                .isEqualTo(JAAS);
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.ssl.truststore.location"))
                .isEqualTo("/etc/kafka/truststore.jks");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism"))
                .isEqualTo("PLAIN");
        assertThat(environment.getProperty("spring.kafka.properties.security.protocol"))
                .isEqualTo("SSL");
    }

    @Test
    void aPlaintextEnvironmentIsLeftAsItWas() {
        StandardEnvironment environment = new StandardEnvironment();
        int sources = environment.getPropertySources().size();
        new KafkaSecurityEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getPropertySources().size()).isEqualTo(sources);
    }

    @Test
    void aServiceWithoutAKafkaClientIgnoresTheSharedKafkaSettings() {
        // the gateway reads the same platform-config as the services, but not the JAAS line
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));
        ClassLoader withoutKafka = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.apache.kafka.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        SpringApplication gateway = new SpringApplication();
        gateway.setResourceLoader(new DefaultResourceLoader(withoutKafka));
        int sources = environment.getPropertySources().size();

        new KafkaSecurityEnvironmentPostProcessor().postProcessEnvironment(environment, gateway);

        assertThat(environment.getPropertySources().size()).isEqualTo(sources);
    }
}
