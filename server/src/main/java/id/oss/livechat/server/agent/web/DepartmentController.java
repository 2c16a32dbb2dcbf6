package id.oss.livechat.server.agent.web;

import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.DepartmentRequest;
import id.oss.livechat.model.visitor.DepartmentList;
import id.oss.livechat.server.agent.DepartmentAdministration;
import id.oss.livechat.server.system.web.PathIds;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final java.time.Clock clock;

    public DepartmentController(DepartmentAdministration departments, java.time.Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/api/departments")
    public Mono<List<DepartmentInfo>> list() {
        return departments.list().collectList();
    }

    @PostMapping("/api/departments")
    public Mono<ResponseEntity<DepartmentInfo>> create(@RequestBody DepartmentRequest body) {
        return departments.create(body).map(d -> ResponseEntity.status(HttpStatus.CREATED).body(d));
    }

    @PutMapping("/api/departments/{id}")
    public Mono<DepartmentInfo> update(
            @PathVariable("id") String id, @RequestBody DepartmentRequest body) {
        return departments.update(PathIds.parse(id, "The department"), body);
    }

    @GetMapping("/api/oss-chat/departments")
    public Mono<DepartmentList> forVisitors() {
        java.time.Instant now = clock.instant();
        return departments.forVisitors().collectList().map(list -> new DepartmentList(list, now));
    }
}
