package id.oss.livechat.server.hours;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Whether a department is open now by its opening hours: routing hands out nothing while it is
 * closed. A department without hours is always open.
 */
@FunctionalInterface
public interface DepartmentOpening {
    /** Every department open: what routing does where no hours are known. */
    DepartmentOpening ALWAYS = departmentId -> Mono.just(true);

    Mono<Boolean> isOpenNow(UUID departmentId);
}
