package id.oss.livechat.server.agent;

import id.oss.livechat.server.agent.internal.R2dbcDepartmentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wires the agent feature: staff, departments, presence. */
@Configuration(proxyBeanMethods = false)
public class AgentConfiguration {

    @Bean
    DepartmentRepository departmentRepository(DatabaseClient db) {
        return new R2dbcDepartmentRepository(db);
    }
}
