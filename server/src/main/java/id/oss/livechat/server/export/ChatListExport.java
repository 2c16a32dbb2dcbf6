package id.oss.livechat.server.export;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.common.Staff;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The chat list as CSV, for supervisors and admins: every chat of the filters, newest first, with
 * its tags and close reason. Times are ISO-8601 UTC, as in the JSON API.
 */
public class ChatListExport {
    static final List<String> HEADER =
            List.of(
                    "session_id",
                    "started_at",
                    "ended_at",
                    "status",
                    "department",
                    "agent",
                    "topic_code",
                    "topic",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "company_name",
                    "oss_user_id",
                    "tags",
                    "close_reason_code",
                    "close_reason",
                    "rating");

    private final ChatListRepository chats;

    public ChatListExport(ChatListRepository chats) {
        this.chats = chats;
    }

    /** The header line, then one line per chat, as they are read. */
    public Flux<String> csv(Staff who, ChatListQuery query) {
        if (!who.overseesAllChats()) {
            throw Problem.forbidden("Supervisors and admins export the chat list.");
        }
        return Flux.just(Csv.line(HEADER))
                .concatWith(chats.chats(query).map(chat -> Csv.line(cells(chat))));
    }

    private static List<Object> cells(ExportedChat chat) {
        List<Object> cells = new ArrayList<>();
        cells.add(chat.sessionId());
        cells.add(chat.startedAt());
        cells.add(chat.endedAt());
        cells.add(chat.status());
        cells.add(chat.department());
        cells.add(chat.agent());
        cells.add(chat.topicCode());
        cells.add(chat.topic());
        cells.add(chat.contactName());
        cells.add(chat.contactEmail());
        cells.add(chat.contactPhone());
        cells.add(chat.companyName());
        cells.add(chat.ossUserId());
        cells.add(chat.tags());
        cells.add(chat.closeReasonCode());
        cells.add(chat.closeReason());
        cells.add(chat.rating());
        return cells;
    }
}
