package id.oss.livechat.model.staff;

/**
 * One stretch of a day during which a department is open, on its own clock: {@code "08:00"} to
 * {@code "16:00"}; {@code "24:00"} closes at the end of the day.
 */
public record OpeningShift(String opens, String closes) {}
