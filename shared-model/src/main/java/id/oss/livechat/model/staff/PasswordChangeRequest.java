package id.oss.livechat.model.staff;

/**
 * {@code PUT /api/agents/me/password}: a staff member changes its own password, proving it knows
 * the current one. Every token issued before stops working.
 */
public record PasswordChangeRequest(String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChangeRequest[…]";
    }
}
