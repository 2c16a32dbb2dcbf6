package id.oss.livechat.server.privacy;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads everything kept about one visitor row, for its own copy. */
public interface MyDataRepository {
    /** The visitor row's chats, oldest first, each with its visible messages. */
    Mono<List<MyDataCopy.Chat>> chatsOf(UUID chatUserId);
}
