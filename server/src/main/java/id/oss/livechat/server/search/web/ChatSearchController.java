package id.oss.livechat.server.search.web;

import id.oss.livechat.model.search.SearchPage;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.search.ChatSearch;
import id.oss.livechat.server.system.web.QueryParams;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/chat/search}: every staff member, within the chats it may see. */
@RestController
public class ChatSearchController {
    private final ChatSearch search;

    public ChatSearchController(ChatSearch search) {
        this.search = search;
    }

    @GetMapping("/api/chat/search")
    public Mono<SearchPage> search(
            @AuthenticationPrincipal Staff me,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "department_id", required = false) String departmentId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        UUID department = params.uuid("department_id", departmentId);
        Instant since = params.instant("from", from, false);
        Instant until = params.instant("to", to, true);
        Integer size = params.integer("limit", limit);
        check.orThrow();
        return search.search(me, new ChatSearch.Request(q, department, since, until, size, cursor));
    }
}
