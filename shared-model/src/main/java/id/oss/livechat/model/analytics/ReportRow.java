package id.oss.livechat.model.analytics;

/**
 * One group of a report: a day ({@code key} 2026-11-25), a department, an agent or an OSS user
 * (their id as {@code key}), with a {@code label} to show.
 */
public record ReportRow(String key, String label, Measures measures) {}
