package id.oss.livechat.server.privacy;

import id.oss.livechat.server.common.Problem;
import id.oss.livechat.server.system.database.OpsCommands;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code erase <oss_user_id|email|phone|browser_uuid> <value>}: the same erasure as {@code POST
 * /api/privacy/erase}, by an operator; the audit entry's actor is {@code ops}. Exit 0 erased, 1
 * nothing known about the subject (nothing changed), 2 misuse.
 */
public final class EraseCommand implements OpsCommands.Command {
    private static final String ERASE = "SELECT erase_subject(?, ?, 'ops', NULL, NULL)::text";

    @Override
    public String name() {
        return "erase";
    }

    @Override
    public int run(Connection connection, List<String> arguments, PrintStream out)
            throws SQLException {
        if (arguments.size() != 2) {
            out.println("usage: erase <oss_user_id|email|phone|browser_uuid> <value>");
            return 2;
        }
        Subject subject;
        try {
            subject = Subject.of(arguments.get(0), arguments.get(1));
        } catch (Problem wrong) {
            out.println("erase: " + wrong.fields() + "; nothing erased");
            return 2;
        }
        try (PreparedStatement statement = connection.prepareStatement(ERASE)) {
            statement.setString(1, subject.kind());
            statement.setString(2, subject.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                String counts = rows.getString(1);
                if (counts == null) {
                    out.println(
                            "erase: nothing is known about that "
                                    + subject.kind()
                                    + "; nothing erased");
                    return 1;
                }
                out.println("erase: erased " + counts);
                return 0;
            }
        }
    }
}
