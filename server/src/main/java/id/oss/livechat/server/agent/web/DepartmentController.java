package id.oss.livechat.server.agent.web;

import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.DepartmentRequest;
import id.oss.livechat.model.visitor.PublicDepartment;
import id.oss.livechat.server.agent.DepartmentAdministration;
import id.oss.livechat.server.audit.AuditAction;
import id.oss.livechat.server.audit.AuditTrail;
import id.oss.livechat.server.common.PrivacyNotice;
import id.oss.livechat.server.common.Staff;
import id.oss.livechat.server.system.web.PathIds;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Departments: administered under {@code /api/departments}, listed for visitors by the widget. */
@RestController
public class DepartmentController {
    private final DepartmentAdministration departments;
    private final AuditTrail audit;
    private final PrivacyNotice notice;
    private final java.time.Clock clock;

    public DepartmentController(
            DepartmentAdministration departments,
            AuditTrail audit,
            PrivacyNotice notice,
            java.time.Clock clock) {
        this.departments = departments;
        this.audit = audit;
        this.notice = notice;
        this.clock = clock;
    }

    @GetMapping("/api/departments")
    public Mono<List<DepartmentInfo>> list() {
        return departments.list().collectList();
    }

    @PostMapping("/api/departments")
    public Mono<ResponseEntity<DepartmentInfo>> create(
            @AuthenticationPrincipal Staff me, @RequestBody DepartmentRequest body) {
        return departments
                .create(body)
                .flatMap(d -> audited(me, AuditAction.DEPARTMENT_CREATED, d))
                .map(d -> ResponseEntity.status(HttpStatus.CREATED).body(d));
    }

    @PutMapping("/api/departments/{id}")
    public Mono<DepartmentInfo> update(
            @AuthenticationPrincipal Staff me,
            @PathVariable("id") String id,
            @RequestBody DepartmentRequest body) {
        return departments
                .update(PathIds.parse(id, "The department"), body)
                .flatMap(d -> audited(me, AuditAction.DEPARTMENT_UPDATED, d));
    }

    private Mono<DepartmentInfo> audited(Staff me, String action, DepartmentInfo department) {
        String detail =
                "code="
                        + department.code()
                        + " active="
                        + department.active()
                        + " default="
                        + department.isDefault();
        return audit.record(me, action, "department:" + department.id(), detail)
                .thenReturn(department);
    }

    /**
     * The departments a visitor may choose (shared-model's {@code DepartmentList}: with {@code
     * generated_at}, the server's time their {@code open_now} and {@code next_open_at} are relative
     * to), and the privacy notice the widget shows before its contact form (null when none is
     * configured).
     */
    public record VisitorDepartments(
            List<PublicDepartment> departments,
            java.time.Instant generatedAt,
            NoticeWire privacyNotice) {}

    /** The notice as the widget reads it: its version, its text per language, the policy link. */
    public record NoticeWire(String version, Map<String, String> text, String policyUrl) {
        static NoticeWire of(PrivacyNotice notice) {
            if (!notice.isShown()) {
                return null;
            }
            Map<String, String> text = new java.util.LinkedHashMap<>();
            text.put("id", blankToNull(notice.textId()));
            text.put("en", blankToNull(notice.textEn()));
            return new NoticeWire(notice.version(), text, blankToNull(notice.policyUrl()));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/api/oss-chat/departments")
    public Mono<VisitorDepartments> forVisitors() {
        java.time.Instant now = clock.instant();
        return departments
                .forVisitors()
                .collectList()
                .map(list -> new VisitorDepartments(list, now, NoticeWire.of(notice)));
    }
}
