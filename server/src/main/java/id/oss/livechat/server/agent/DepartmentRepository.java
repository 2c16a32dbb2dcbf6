package id.oss.livechat.server.agent;

import id.oss.livechat.model.staff.DepartmentInfo;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of departments. */
public interface DepartmentRepository {
    Mono<Department> findById(UUID id);

    /** Where sessions started without a department go. */
    Mono<Department> findDefault();

    Flux<Department> findAll();

    /** Departments with their live figures: agents online, sessions waiting. */
    Flux<DepartmentInfo> findAllWithFigures();

    Mono<DepartmentInfo> findWithFigures(UUID id);

    /** Fails with a {@code Problem} conflict when the code is taken. */
    Mono<Department> create(String code, String name, String email, boolean isDefault);

    /** Null leaves a field as it is; making one default unmakes the previous one. */
    Mono<Department> update(UUID id, String name, String email, Boolean isDefault, Boolean active);
}
