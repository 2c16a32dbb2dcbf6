package id.oss.livechat.model.visitor;

import java.time.Instant;
import java.util.UUID;

/**
 * A department a visitor may choose, with how many of its agents are online now (0: the widget
 * offers to leave a message instead of waiting) and whether it is open by its opening hours: {@code
 * open_now} false means closed (the widget says when it opens, {@code next_open_at}, on the
 * department's clock, {@code time_zone}, and offers to leave a message). A department without hours
 * is always open, with a null {@code time_zone}.
 */
public record PublicDepartment(
        UUID id,
        String code,
        String name,
        boolean isDefault,
        int agentsOnline,
        boolean openNow,
        Instant nextOpenAt,
        String timeZone) {

    /** A department as servers without opening hours list it: always open. */
    public PublicDepartment(
            UUID id, String code, String name, boolean isDefault, int agentsOnline) {
        this(id, code, name, isDefault, agentsOnline, true, null, null);
    }
}
