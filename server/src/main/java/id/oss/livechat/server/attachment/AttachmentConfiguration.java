package id.oss.livechat.server.attachment;

import id.oss.livechat.server.attachment.internal.PostgresAttachmentStore;
import id.oss.livechat.server.attachment.internal.R2dbcAttachmentRepository;
import id.oss.livechat.server.attachment.internal.TikaFileTypes;
import id.oss.livechat.server.common.StaffTokenVerifier;
import id.oss.livechat.server.message.Messaging;
import id.oss.livechat.server.session.StaffSessions;
import id.oss.livechat.server.session.VisitorAccess;
import id.oss.livechat.server.system.config.LiveChatProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the attachment feature: files in PostgreSQL by default, types sniffed by Tika. */
@Configuration(proxyBeanMethods = false)
public class AttachmentConfiguration {
    /** A file upload has one part; a few more are tolerated, thousands are not. */
    static final int MAX_PARTS = 4;

    @Bean
    AttachmentRepository attachmentRepository(DatabaseClient db) {
        return new R2dbcAttachmentRepository(db);
    }

    /** The bytes' home; an S3-compatible store would be another bean of this type. */
    @Bean
    AttachmentStore attachmentStore(DatabaseClient db) {
        return new PostgresAttachmentStore(db);
    }

    @Bean
    Attachments attachments(
            AttachmentRepository repository,
            AttachmentStore store,
            Messaging messaging,
            VisitorAccess visitors,
            StaffSessions staffSessions,
            StaffTokenVerifier staffTokens,
            LiveChatProperties properties) {
        return new Attachments(
                repository,
                store,
                new TikaFileTypes(),
                messaging,
                visitors,
                staffSessions,
                staffTokens,
                properties.limits().maxAttachmentBytes());
    }

    /**
     * Multipart bodies are never held whole: a part past the in-memory size goes to a temporary
     * file, and no part may grow past the largest file allowed (more is refused with 413 while it
     * is read, for bodies that do not announce their length), nor a request have many parts.
     */
    @Bean
    CodecCustomizer multipartLimits(LiveChatProperties properties) {
        return configurer -> {
            DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
            parts.setMaxParts(MAX_PARTS);
            parts.setMaxInMemorySize(64 * 1024);
            parts.setMaxDiskUsagePerPart(properties.limits().maxAttachmentBytes() + 1L);
            configurer.defaultCodecs().multipartReader(new MultipartHttpMessageReader(parts));
        };
    }
}
