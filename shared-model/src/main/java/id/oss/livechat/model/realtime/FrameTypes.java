package id.oss.livechat.model.realtime;

/** The {@code type} of every WebSocket frame, in one place for the server, desktop and tests. */
public final class FrameTypes {
    private FrameTypes() {}

    // client -> server
    public static final String AUTH = "auth";
    public static final String MESSAGE_SEND = "message.send";
    public static final String TYPING = "typing";
    public static final String READ = "read";
    public static final String RESUME = "resume";
    public static final String PING = "ping";

    // server -> client
    public static final String AUTH_OK = "auth.ok";
    public static final String MESSAGE_ACK = "message.ack";
    public static final String MESSAGE_NEW = "message.new";
    public static final String RESUME_DONE = "resume.done";
    public static final String SESSION_UPDATED = "session.updated";
    public static final String QUEUE_POSITION = "queue.position";
    public static final String QUEUE_UPDATED = "queue.updated";
    public static final String PRESENCE = "presence";
    public static final String ERROR = "error";
    public static final String PONG = "pong";

    /** Close codes the server uses besides the standard ones. */
    public static final int CLOSE_UNAUTHORIZED = 4401;

    /**
     * The client's address holds as many chat sockets open as it may: reconnect later (with
     * backoff), or use the REST fallback meanwhile.
     */
    public static final int CLOSE_TOO_MANY_SOCKETS = 4429;

    /**
     * Why a signed-in staff socket was closed with {@link #CLOSE_UNAUTHORIZED}: the close frame's
     * reason. The token is no good any more; the client returns to its sign-in window and says why.
     */
    public static final String REVOKED_SIGNED_OUT = "signed_out";

    /** The account's password was changed (by its owner or an admin). */
    public static final String REVOKED_PASSWORD_CHANGED = "password_changed";

    /** An admin deactivated the account, or changed its role or departments. */
    public static final String REVOKED_ACCESS_CHANGED = "access_changed";

    /** The token reached its expiry while the socket was open. */
    public static final String REVOKED_TOKEN_EXPIRED = "token_expired";

    /** A message's text may be at most this long. */
    public static final int MAX_TEXT_LENGTH = 4000;
}
