package id.oss.livechat.server.hours.web;

import id.oss.livechat.model.staff.DepartmentHours;
import id.oss.livechat.model.staff.HoursRequest;
import id.oss.livechat.server.hours.BusinessHours;
import id.oss.livechat.server.system.web.PathIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/departments/:id/hours}: any staff member reads a department's opening hours; admins
 * change them (the security configuration says who).
 */
@RestController
public class HoursController {
    private final BusinessHours hours;

    public HoursController(BusinessHours hours) {
        this.hours = hours;
    }

    @GetMapping("/api/departments/{id}/hours")
    public Mono<DepartmentHours> get(@PathVariable("id") String id) {
        return hours.get(PathIds.parse(id, "The department"));
    }

    @PutMapping("/api/departments/{id}/hours")
    public Mono<DepartmentHours> put(
            @PathVariable("id") String id, @RequestBody HoursRequest body) {
        return hours.put(PathIds.parse(id, "The department"), body);
    }
}
