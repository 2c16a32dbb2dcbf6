package id.oss.livechat.server.visitor;

import id.oss.livechat.server.common.Transactions;
import id.oss.livechat.server.common.events.ChatEventBus;
import id.oss.livechat.server.system.config.LiveChatProperties;
import id.oss.livechat.server.visitor.internal.R2dbcChatUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the visitor feature; its classes carry no Spring annotations. */
@Configuration(proxyBeanMethods = false)
public class VisitorConfiguration {
    private static final Logger log = LoggerFactory.getLogger(VisitorConfiguration.class);

    /** The documented secret of demo mode, so the demo portal can compute identity_hash. */
    public static final String DEMO_IDENTITY_SECRET = "demo-oss-secret";

    @Bean
    IdentityProof identityProof(LiveChatProperties properties) {
        String secret = properties.identity().secret();
        if ((secret == null || secret.isBlank()) && properties.demo()) {
            log.info("Demo mode: OSS identity_hash is checked with the documented demo secret");
            secret = DEMO_IDENTITY_SECRET;
        }
        IdentityProof proof = new IdentityProof(secret);
        if (!proof.isConfigured()) {
            log.warn(
                    "OSS_IDENTITY_SECRET is not set: logged-in OSS visitors will be refused (401)");
        }
        return proof;
    }

    @Bean
    ChatUserRepository chatUserRepository(DatabaseClient db) {
        return new R2dbcChatUserRepository(db);
    }

    @Bean
    VisitorIdentities visitorIdentities(
            ChatUserRepository users,
            IdentityProof proof,
            Transactions transactions,
            ChatEventBus bus) {
        return new VisitorIdentities(users, proof, transactions, bus);
    }
}
