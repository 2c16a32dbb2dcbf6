package id.oss.livechat.server.audit;

/** The names of the audited actions, as stored and as {@code GET /api/audit?action=} filters. */
public final class AuditAction {
    public static final String SIGN_IN = "auth.sign_in";
    public static final String SIGN_IN_FAILED = "auth.sign_in_failed";
    public static final String SIGN_OUT = "auth.sign_out";
    public static final String PASSWORD_CHANGED = "auth.password_changed";
    public static final String SESSION_OPENED = "session.opened";
    public static final String TRANSCRIPT_READ = "session.transcript_read";
    public static final String VISITOR_HISTORY_READ = "visitor.history_read";
    public static final String ASSIGNED = "session.assigned";
    public static final String TRANSFERRED = "session.transferred";
    public static final String CLOSED = "session.closed";
    public static final String MAIL_SENT = "mail.sent";
    public static final String AUDIT_EXPORTED = "audit.exported";
    public static final String AUDIT_READ = "audit.read";
    public static final String ERASED = "privacy.erase";
    public static final String MY_DATA_EXPORTED = "privacy.my_data_exported";
    public static final String RETENTION_RUN = "privacy.retention";
    public static final String STAFF_CREATED = "admin.staff_created";
    public static final String STAFF_UPDATED = "admin.staff_updated";
    public static final String DEPARTMENT_CREATED = "admin.department_created";
    public static final String DEPARTMENT_UPDATED = "admin.department_updated";

    private AuditAction() {}
}
