package id.oss.livechat.server.realtime.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How every Kafka client of a node (producer, consumer, the admin clients for the topic and for
 * /health) proves itself to a broker that wants it: {@code KAFKA_SECURITY_PROTOCOL}, SASL with a
 * user name and password (the JAAS line is built here, so operators never write one), and a trust
 * store for brokers whose TLS certificate is not in the JVM's. Unset, the clients talk PLAINTEXT as
 * before.
 */
record KafkaSecurity(
        String protocol,
        String mechanism,
        String username,
        String password,
        String truststoreLocation,
        String truststorePassword) {
    private static final Set<String> PROTOCOLS =
            Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Map<String, String> LOGIN_MODULES =
            Map.of(
                    "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
                    "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
                    "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    KafkaSecurity {
        protocol = blankTo(protocol, "PLAINTEXT").toUpperCase(Locale.ROOT);
        mechanism = blankTo(mechanism, "PLAIN").toUpperCase(Locale.ROOT);
        username = blankTo(username, "");
        password = blankTo(password, "");
        truststoreLocation = blankTo(truststoreLocation, "");
        truststorePassword = blankTo(truststorePassword, "");
        // a typo here would otherwise surface as a node that silently never connects
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException(
                    "KAFKA_SECURITY_PROTOCOL must be one of " + PROTOCOLS + ", not " + protocol);
        }
        if (usesSasl(protocol)) {
            if (!LOGIN_MODULES.containsKey(mechanism)) {
                throw new IllegalArgumentException(
                        "KAFKA_SASL_MECHANISM must be one of "
                                + LOGIN_MODULES.keySet()
                                + ", not "
                                + mechanism);
            }
            if (username.isEmpty() || password.isEmpty()) {
                throw new IllegalArgumentException(
                        "KAFKA_SECURITY_PROTOCOL="
                                + protocol
                                + " needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
            }
        }
    }

    /** A copy of {@code config} with the security settings added. */
    Map<String, Object> applyTo(Map<String, Object> config) {
        Map<String, Object> secured = new HashMap<>(config);
        secured.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (usesSasl(protocol)) {
            secured.put(SaslConfigs.SASL_MECHANISM, mechanism);
            secured.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
        }
        if (!truststoreLocation.isEmpty()) {
            secured.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
            if (!truststorePassword.isEmpty()) {
                secured.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
        }
        return secured;
    }

    /** The JAAS line for the mechanism, with user name and password quoted and escaped. */
    String jaasConfig() {
        return LOGIN_MODULES.get(mechanism)
                + " required username="
                + quoted(username)
                + " password="
                + quoted(password)
                + ";";
    }

    /** For the log: never the password. */
    String describe() {
        return usesSasl(protocol) ? protocol + " " + mechanism + " as " + username : protocol;
    }

    private static boolean usesSasl(String protocol) {
        return protocol.startsWith("SASL_");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
