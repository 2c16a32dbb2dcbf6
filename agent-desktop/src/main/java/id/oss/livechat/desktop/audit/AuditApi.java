package id.oss.livechat.desktop.audit;

import id.oss.livechat.desktop.connection.ApiException;

/**
 * The port to the audit trail (admins): {@code GET /api/audit} and {@code GET
 * /api/audit/export.csv}. Calls block; failures are {@link ApiException} (a filter the server
 * cannot read is a 400 naming the field, a non-admin gets 403).
 */
public interface AuditApi {
    /** For clients that cannot reach the audit: every call fails as a server without it would. */
    AuditApi UNAVAILABLE =
            new AuditApi() {
                @Override
                public AuditPage page(AuditFilter filter, String cursor, int limit) {
                    throw new ApiException(404, "not_found", null);
                }

                @Override
                public String exportCsv(AuditFilter filter) {
                    throw new ApiException(404, "not_found", null);
                }
            };

    /** A page of at most {@code limit} entries, newest first, older than {@code cursor} if set. */
    AuditPage page(AuditFilter filter, String cursor, int limit);

    /** Every matching entry as CSV text (UTF-8, a header row, RFC 4180), to be saved as it is. */
    String exportCsv(AuditFilter filter);
}
