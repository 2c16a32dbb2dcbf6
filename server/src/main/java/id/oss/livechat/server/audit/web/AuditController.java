package id.oss.livechat.server.audit.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.oss.livechat.server.audit.AuditEntry;
import id.oss.livechat.server.audit.AuditLog;
import id.oss.livechat.server.common.FieldCheck;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.system.web.QueryParams;
import java.time.Instant;
import java.util.List;
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
 * {@code GET /api/audit} and {@code GET /api/audit/export.csv}: admins only (the security
 * configuration, and {@link AuditLog} again). Malformed filters answer 400.
 */
@RestController
public class AuditController {
    private static final String CSV_HEADER = "at,actor,address,action,subject,detail\r\n";
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** The wire shape of one entry. */
    public record Entry(
            Instant at,
            String actor,
            String address,
            String action,
            String subject,
            String detail) {
        static Entry of(AuditEntry e) {
            return new Entry(e.at(), e.actor(), e.address(), e.action(), e.subject(), e.detail());
        }
    }

    /** A page of entries, newest first. */
    public record Page(List<Entry> entries, @JsonProperty("next_cursor") String nextCursor) {}

    @GetMapping("/api/audit")
    public Mono<Page> read(
            @AuthenticationPrincipal Staff me,
            @RequestParam(name = "actor", required = false) String actor,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "subject", required = false) String subject,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        AuditLog.Filters filters = filters(actor, action, subject, from, to, limit, cursor);
        return audit.read(me, filters)
                .map(
                        page ->
                                new Page(
                                        page.entries().stream().map(Entry::of).toList(),
                                        page.nextCursor()));
    }

    @GetMapping("/api/audit/export.csv")
    public ResponseEntity<Flux<String>> export(
            @AuthenticationPrincipal Staff me,
            @RequestParam(name = "actor", required = false) String actor,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "subject", required = false) String subject,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to) {
        AuditLog.Filters filters = filters(actor, action, subject, from, to, null, null);
        Flux<String> lines =
                Flux.concat(
                        Mono.just(CSV_HEADER), audit.export(me, filters).map(AuditController::csv));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .body(lines);
    }

    private static AuditLog.Filters filters(
            String actor,
            String action,
            String subject,
            String from,
            String to,
            String limit,
            String cursor) {
        FieldCheck check = FieldCheck.of();
        QueryParams params = new QueryParams(check);
        Instant fromTime = params.instant("from", from, false);
        Instant toTime = params.instant("to", to, true);
        Integer size = params.integer("limit", limit);
        check.orThrow();
        return new AuditLog.Filters(actor, action, subject, fromTime, toTime, size, cursor);
    }

    private static String csv(AuditEntry e) {
        return String.join(
                        ",",
                        cell(e.at().toString()),
                        cell(e.actor()),
                        cell(e.address()),
                        cell(e.action()),
                        cell(e.subject()),
                        cell(e.detail()))
                + "\r\n";
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet shows it, not runs it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
