package id.oss.livechat.model.staff;

/** A day a department stays closed, on its own calendar: {@code "2026-12-25"}, and its name. */
public record Holiday(String date, String name) {}
