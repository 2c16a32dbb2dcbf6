package id.oss.livechat.server.agent;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of departments. */
public interface DepartmentRepository {
    Mono<Department> findById(UUID id);

    /** Where sessions started without a department go. */
    Mono<Department> findDefault();

    Flux<Department> findAll();
}
