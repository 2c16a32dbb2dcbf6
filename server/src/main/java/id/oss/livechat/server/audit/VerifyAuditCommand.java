package id.oss.livechat.server.audit;

import id.oss.livechat.server.audit.internal.AuditChainCheck;
import id.oss.livechat.server.system.database.OpsCommands;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code verify-audit}: exit 0 when the audit chain holds, 1 where it was broken. */
public final class VerifyAuditCommand implements OpsCommands.Command {
    @Override
    public String name() {
        return "verify-audit";
    }

    @Override
    public int run(Connection connection, List<String> arguments, PrintStream out)
            throws SQLException {
        return AuditChainCheck.verify(connection, out);
    }
}
