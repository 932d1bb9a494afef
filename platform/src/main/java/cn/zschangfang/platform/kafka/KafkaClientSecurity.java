package cn.zschangfang.platform.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * How every Kafka client of a service reaches a secured cluster (a managed Kafka usually wants {@code SASL_SSL}),
 * from the environment: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
 * {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, {@code KAFKA_SSL_TRUSTSTORE_PASSWORD}. Nothing set means {@code PLAINTEXT},
 * as the local stack and the tests run. The binder's clients get these through {@link
 * KafkaSecurityEnvironmentPostProcessor}; a client a service builds itself adds {@link #applyTo(Properties)}.
 */
public final class KafkaClientSecurity {

    /** Kafka's {@code security.protocol} values. */
    public enum Protocol {
        PLAINTEXT,
        SSL,
        SASL_PLAINTEXT,
        SASL_SSL;

        boolean sasl() {
            return this == SASL_PLAINTEXT || this == SASL_SSL;
        }

        boolean tls() {
            return this == SSL || this == SASL_SSL;
        }
    }

    private final Map<String, String> properties;
    private final String summary;

    private KafkaClientSecurity(Map<String, String> properties, String summary) {
        // in the order they were set (Map.copyOf would not keep one)
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.summary = summary;
    }

    /**
     * Reads and checks the variables: an unknown protocol, SASL without its JAAS line, or a truststore setting for a
     * protocol without TLS stops the start with a message naming the variable (a value is never echoed: the JAAS line
     * and the truststore password are secrets).
     */
    public static KafkaClientSecurity from(Function<String, String> environment) {
        String protocolName = value(environment, "KAFKA_SECURITY_PROTOCOL");
        Protocol protocol;
        try {
            protocol =
                    protocolName == null ? Protocol.PLAINTEXT : Protocol.valueOf(protocolName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "KAFKA_SECURITY_PROTOCOL must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL", e);
        }
        String mechanism = value(environment, "KAFKA_SASL_MECHANISM");
        String jaas = value(environment, "KAFKA_SASL_JAAS_CONFIG");
        String truststore = value(environment, "KAFKA_SSL_TRUSTSTORE_LOCATION");
        String truststorePassword = value(environment, "KAFKA_SSL_TRUSTSTORE_PASSWORD");
        if (protocol.sasl() && jaas == null) {
            throw new IllegalStateException("KAFKA_SASL_JAAS_CONFIG must be set when KAFKA_SECURITY_PROTOCOL is "
                    + protocol + " (e.g. org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"…\" password=\"…\";)");
        }
        if (!protocol.sasl() && (mechanism != null || jaas != null)) {
            throw new IllegalStateException("KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG need"
                    + " KAFKA_SECURITY_PROTOCOL SASL_SSL or SASL_PLAINTEXT, not " + protocol);
        }
        if (!protocol.tls() && (truststore != null || truststorePassword != null)) {
            throw new IllegalStateException(
                    "KAFKA_SSL_TRUSTSTORE_* need KAFKA_SECURITY_PROTOCOL SSL or SASL_SSL, not " + protocol);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (protocolName != null) {
            properties.put("security.protocol", protocol.name());
        }
        if (protocol.sasl()) {
            // PLAIN rather than Kafka's GSSAPI (Kerberos) default: what managed Kafka offers, with SCRAM.
            properties.put("sasl.mechanism", mechanism == null ? "PLAIN" : mechanism);
            properties.put("sasl.jaas.config", jaas);
        }
        if (truststore != null) {
            properties.put("ssl.truststore.location", truststore);
        }
        if (truststorePassword != null) {
            properties.put("ssl.truststore.password", truststorePassword);
        }
        String summary = protocol
                + (protocol.sasl() ? ", SASL " + properties.get("sasl.mechanism") : "")
                + (truststore != null ? ", truststore " + truststore : protocol.tls() ? ", the JDK's trusted CAs" : "");
        return new KafkaClientSecurity(properties, summary);
    }

    /** The Kafka client settings to add, only those that differ from Kafka's defaults; empty for PLAINTEXT. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Adds the settings to a client's configuration (for a consumer, producer or admin client built by hand). */
    public Properties applyTo(Properties client) {
        client.putAll(properties);
        return client;
    }

    /** For the start-up log: the protocol and mechanism, never the credentials. */
    public String summary() {
        return summary;
    }

    private static String value(Function<String, String> environment, String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
