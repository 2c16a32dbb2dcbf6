package id.oss.livechat.server.export;

import reactor.core.publisher.Flux;

/** The chats an export lists, newest first. */
public interface ChatListRepository {
    Flux<ExportedChat> chats(ChatListQuery query);
}
