package id.oss.livechat.server.realtime.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The Kafka bus, when {@code KAFKA_BROKERS} is set: topic {@code KAFKA_TOPIC_MESSAGES} (default
 * {@code chat.messages}), created if missing, each node in a consumer group of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${KAFKA_BROKERS:}' != ''")
public class KafkaBusConfiguration {
    private static final Logger log = LoggerFactory.getLogger(KafkaBusConfiguration.class);

    @Bean
    KafkaChatEventBus kafkaChatEventBus(
            @Value("${KAFKA_BROKERS}") String brokers,
            @Value("${KAFKA_TOPIC_MESSAGES:chat.messages}") String topic,
            @Value("${KAFKA_TOPIC_PARTITIONS:6}") int partitions,
            @Value("${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}") String securityProtocol,
            @Value("${KAFKA_SASL_MECHANISM:}") String saslMechanism,
            @Value("${KAFKA_SASL_USERNAME:}") String saslUsername,
            @Value("${KAFKA_SASL_PASSWORD:}") String saslPassword,
            @Value("${KAFKA_SSL_TRUSTSTORE_LOCATION:}") String truststoreLocation,
            @Value("${KAFKA_SSL_TRUSTSTORE_PASSWORD:}") String truststorePassword,
            DatabaseClient db,
            ReactiveTransactionManager transactionManager,
            Clock clock) {
        String nodeId = nodeId();
        KafkaSecurity security =
                new KafkaSecurity(
                        securityProtocol,
                        saslMechanism,
                        saslUsername,
                        saslPassword,
                        truststoreLocation,
                        truststorePassword);
        createTopic(brokers, topic, partitions, security);
        KafkaTemplate<String, String> template =
                new KafkaTemplate<>(
                        new DefaultKafkaProducerFactory<>(
                                security.applyTo(producer(brokers, nodeId))));
        DefaultKafkaConsumerFactory<String, String> consumers =
                new DefaultKafkaConsumerFactory<>(security.applyTo(consumer(brokers, nodeId)));
        KafkaChatEventBus.ContainerFactory containers =
                (listener, rebalance) -> {
                    ContainerProperties properties = new ContainerProperties(topic);
                    properties.setMessageListener(listener);
                    properties.setConsumerRebalanceListener(rebalance);
                    properties.setGroupId("livechat-" + nodeId);
                    return new KafkaMessageListenerContainer<>(consumers, properties);
                };
        BusOutbox outbox =
                new BusOutbox(db, TransactionalOperator.create(transactionManager), nodeId);
        log.info(
                "Kafka bus on {} ({}) topic {} as node {}",
                brokers,
                security.describe(),
                topic,
                nodeId);
        return new KafkaChatEventBus(
                template,
                containers,
                outbox,
                new ChatEventCodec(),
                topic,
                nodeId,
                clock,
                brokerProbe(brokers, nodeId, security));
    }

    /**
     * /health's question to Kafka: a cluster description within two seconds. The admin client is
     * the node's for its lifetime; it reconnects by itself when the broker is back.
     */
    static KafkaChatEventBus.BrokerProbe brokerProbe(
            String brokers, String nodeId, KafkaSecurity security) {
        Admin admin =
                Admin.create(
                        security.applyTo(
                                Map.of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        brokers,
                                        AdminClientConfig.CLIENT_ID_CONFIG,
                                        "livechat-health-" + nodeId,
                                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                        2000,
                                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                        2000,
                                        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                                        1000)));
        return new KafkaChatEventBus.BrokerProbe() {
            @Override
            public Mono<Void> check() {
                return Mono.fromCompletionStage(
                                () ->
                                        admin.describeCluster(
                                                        new DescribeClusterOptions()
                                                                .timeoutMs(2000))
                                                .clusterId()
                                                .toCompletionStage())
                        .timeout(Duration.ofSeconds(3))
                        .then();
            }

            @Override
            public void close() {
                admin.close(Duration.ofSeconds(2));
            }
        };
    }

    static Map<String, Object> producer(String brokers, String nodeId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "livechat-" + nodeId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // chat is interactive: Kafka 4 waits 5 ms by default to fill batches (KIP-1030); do not
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // with the broker down, fail fast and park in the outbox rather than hold sends for a
        // minute
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        return config;
    }

    static Map<String, Object> consumer(String brokers, String nodeId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "livechat-" + nodeId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // a node delivers live traffic; what happened before it started, clients resume from
        // PostgreSQL
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // the group is this run's alone (nodeId is new at every start), so its offsets are never
        // read again: commit them in the background rather than with the container's synchronous
        // commit after every poll, which holds up the next poll and so every live delivery
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return config;
    }

    private static void createTopic(
            String brokers, String topic, int partitions, KafkaSecurity security) {
        try (Admin admin =
                Admin.create(
                        security.applyTo(
                                Map.of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        brokers,
                                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                        10000,
                                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                        15000)))) {
            admin.createTopics(
                            List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get(20, TimeUnit.SECONDS);
            log.info("Created Kafka topic {} with {} partitions", topic, partitions);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn(
                        "Could not create Kafka topic {} ({}); it must exist or be auto-created",
                        topic,
                        e.getCause().toString());
            }
        } catch (Exception e) {
            log.warn(
                    "Could not reach Kafka at {} to create topic {}; chatting goes on, events wait in the outbox",
                    brokers,
                    topic,
                    e);
        }
    }

    private static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String safe = host.replaceAll("[^A-Za-z0-9.-]", "").toLowerCase(java.util.Locale.ROOT);
        return (safe.length() > 30 ? safe.substring(0, 30) : safe)
                + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
