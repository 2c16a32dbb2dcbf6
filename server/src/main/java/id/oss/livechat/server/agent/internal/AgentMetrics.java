package id.oss.livechat.server.agent.internal;

import id.oss.livechat.server.system.database.Sql;
import id.oss.livechat.server.system.metrics.RefreshedGauges;
import org.springframework.r2dbc.core.DatabaseClient;

/** The agents' meter: how many agents are online, across the help desk. */
public class AgentMetrics {

    /** Supervisors and admins are never routed chats, so only role agent counts. */
    public AgentMetrics(RefreshedGauges gauges, DatabaseClient db) {
        gauges.register(
                "livechat_agents_online",
                "Staff members who take chats and are online",
                () ->
                        db.sql(
                                        "SELECT count(*) AS n FROM users"
                                                + " WHERE active AND status = 'online' AND role = 'agent'")
                                .map(row -> Sql.number(row, "n"))
                                .one());
    }
}
