package id.oss.livechat.model.analytics;

/**
 * One group of a report: a day ({@code key} 2026-11-25), an hour of the help desk's clock ({@code
 * key} 2026-11-25T09:00, {@code label} 09:00), a department, an agent or an OSS user (their id as
 * {@code key}), with a {@code label} to show.
 */
public record ReportRow(String key, String label, Measures measures) {}
