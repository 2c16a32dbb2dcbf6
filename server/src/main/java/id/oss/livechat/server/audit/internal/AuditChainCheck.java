package id.oss.livechat.server.audit.internal;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * {@code verify-audit}: walks the whole chain in id order and recomputes every hash with the same
 * SQL function that wrote it. An entry whose fields were edited no longer matches its hash; an
 * entry removed or inserted in the middle breaks the link to the one before. The first entry must
 * follow the last entry retention purged (audit_purges records its hash), or start the chain when
 * nothing was purged: a cut of the oldest entries that retention did not record is caught too.
 * Prints the head hash: written down elsewhere, it also catches a rewrite of the whole chain or a
 * cut at its end.
 */
public final class AuditChainCheck {
    private static final String WALK =
            """
            SELECT id, at,
                   hash = audit_entry_hash(prev_hash, at, actor, actor_id, address, action,
                                           subject, detail) AS hash_ok,
                   prev_hash = coalesce(lag(hash) OVER (ORDER BY id),
                                        (SELECT through_hash FROM audit_purges
                                          ORDER BY id DESC LIMIT 1),
                                        '\\x'::bytea) AS link_ok,
                   hash
              FROM audit_log ORDER BY id""";

    private AuditChainCheck() {}

    /** Returns 0 when the chain holds, 1 (and says where) when it does not. */
    public static int verify(Connection connection, PrintStream out) throws SQLException {
        long entries = 0;
        byte[] head = null;
        try (Statement statement = connection.createStatement()) {
            // a consistent snapshot, read in pages of rows rather than all at once
            connection.setAutoCommit(false);
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery(WALK)) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    if (!rows.getBoolean("hash_ok")) {
                        out.println(
                                "verify-audit: BROKEN at entry "
                                        + id
                                        + " ("
                                        + rows.getString("at")
                                        + "): its fields do not match its hash, it was edited");
                        return 1;
                    }
                    if (!rows.getBoolean("link_ok")) {
                        out.println(
                                "verify-audit: BROKEN at entry "
                                        + id
                                        + " ("
                                        + rows.getString("at")
                                        + "): it does not follow the entry before it; entries"
                                        + " were removed or inserted");
                        return 1;
                    }
                    entries++;
                    head = rows.getBytes("hash");
                }
            }
            connection.commit();
        }
        out.println(
                "verify-audit: OK, "
                        + entries
                        + " entries chained"
                        + (head == null ? "" : "; head " + HexFormat.of().formatHex(head)));
        return 0;
    }
}
