package id.oss.livechat.server.system.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Our own settings, under {@code livechat.*}; application.yml maps the environment onto them. */
@ConfigurationProperties("livechat")
public record LiveChatProperties(
        @DefaultValue("false") boolean demo,
        @DefaultValue Identity identity,
        @DefaultValue Limits limits) {

    /** The key shared with the OSS portal for {@code identity_hash}. */
    public record Identity(@DefaultValue("") String secret) {}

    public record Limits(
            @DefaultValue("65536") int maxBodyBytes, @DefaultValue("4000") int maxMessageChars) {}
}
