package id.oss.livechat.model.staff;

/** {@code POST /api/auth/login}. */
public record LoginRequest(String username, String password) {
    @Override
    public String toString() {
        // never print a password, not even by accident in a log line
        return "LoginRequest[username=" + username + "]";
    }
}
