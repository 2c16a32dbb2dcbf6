package id.oss.livechat.model.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET|PUT /api/departments/:id/hours}: a department's opening hours and whether it is open
 * now. {@code always_open}: no hours are kept (then {@code time_zone} and {@code schedule} are null
 * and {@code holidays} empty). {@code schedule} lists every day, {@code monday} first, with its
 * shifts (none: closed that day). {@code next_open_at}: when it opens next while it is closed; null
 * while it is open, or when no opening lies within a year.
 */
public record DepartmentHours(
        UUID departmentId,
        boolean alwaysOpen,
        String timeZone,
        Map<String, List<OpeningShift>> schedule,
        List<Holiday> holidays,
        boolean openNow,
        Instant nextOpenAt) {}
