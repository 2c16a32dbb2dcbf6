package id.oss.livechat.server.common;

import id.oss.livechat.model.StaffRole;
import java.util.UUID;

/** The signed-in staff member acting in a request. */
public record Staff(UUID id, String username, String displayName, StaffRole role) {
    public boolean overseesAllChats() {
        return role.overseesAllChats();
    }

    public boolean isAdmin() {
        return role == StaffRole.ADMIN;
    }
}
