package id.oss.livechat.model.staff;

import java.util.List;
import java.util.Map;

/**
 * {@code PUT /api/departments/:id/hours}: a department's opening hours, replaced whole. {@code
 * schedule} maps {@code monday} … {@code sunday} to the day's shifts (a day not listed is closed);
 * {@code holidays} are whole days closed. {@code always_open: true} removes the hours: the
 * department is open around the clock, as one without hours always was.
 */
public record HoursRequest(
        Boolean alwaysOpen,
        String timeZone,
        Map<String, List<OpeningShift>> schedule,
        List<Holiday> holidays) {}
