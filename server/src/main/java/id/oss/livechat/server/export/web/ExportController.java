package id.oss.livechat.server.export.web;

import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.common.Texts;
import id.oss.livechat.server.export.ChatListExport;
import id.oss.livechat.server.export.ChatListQuery;
import id.oss.livechat.server.export.Csv;
import id.oss.livechat.server.search.ChatSearch;
import id.oss.livechat.server.system.web.QueryParams;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The chat list as CSV ({@code /api/chat/export.csv}): supervisors and admins, checked by the use
 * case. The analytics report's CSV is a route of the analytics feature.
 */
@RestController
public class ExportController {
    private final ChatListExport chatList;
    private final ChatSearch search;

    public ExportController(ChatListExport chatList, ChatSearch search) {
        this.chatList = chatList;
        this.search = search;
    }

    @GetMapping("/api/chat/export.csv")
    public Mono<ResponseEntity<Flux<String>>> chats(
            @AuthenticationPrincipal Staff me,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "department_id", required = false) String departmentId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(name = "tag", required = false) String tag,
            @RequestParam(name = "close_reason", required = false) String closeReason) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        UUID department = params.uuid("department_id", departmentId);
        UUID agent = params.uuid("agent_id", agentId);
        Instant since = params.instant("from", from, false);
        Instant until = params.instant("to", to, true);
        SessionStatus state =
                params.choice("status", status, SessionStatus.class, SessionStatus::fromWire);
        check.optional("tag", tag, 40).optional("close_reason", closeReason, 40).orThrow();
        // an absent q lists every chat; a given one must be searchable
        String text = Texts.clean(q) == null ? null : ChatSearch.validText(q);
        return search.scopeOf(me, department, since, until)
                .map(
                        scope ->
                                new ChatListQuery(
                                        scope, text, state, agent, code(tag), code(closeReason)))
                .map(query -> chatList.csv(me, query))
                .map(
                        lines ->
                                csv(
                                        "chats-" + LocalDate.now(java.time.ZoneOffset.UTC) + ".csv",
                                        lines));
    }

    /** A CSV download: UTF-8, saved under {@code filename}. */
    private static ResponseEntity<Flux<String>> csv(String filename, Flux<String> lines) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, Csv.attachment(filename))
                .body(lines);
    }

    private static String code(String value) {
        String clean = Texts.clean(value);
        return clean == null ? null : clean.toLowerCase(Locale.ROOT);
    }
}
