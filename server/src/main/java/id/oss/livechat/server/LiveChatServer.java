package id.oss.livechat.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The OSS LiveChat server: one jar, embedded PostgreSQL by default, external in production. */
@SpringBootApplication
public class LiveChatServer {
    public static void main(String[] args) {
        SpringApplication.run(LiveChatServer.class, args);
    }
}
