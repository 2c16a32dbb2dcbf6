package id.oss.livechat.model.staff;

/**
 * A JWT to send as {@code Authorization: Bearer} on every staff call and as the staff socket's
 * {@code auth} frame; {@code expires_in} is in seconds.
 */
public record LoginResponse(
        String accessToken, String tokenType, long expiresIn, StaffProfile user) {
    @Override
    public String toString() {
        return "LoginResponse[user=" + user + ", expiresIn=" + expiresIn + "]";
    }
}
