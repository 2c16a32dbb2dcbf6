package id.oss.livechat.desktop.connection;

/**
 * {@code GET /health}: the server answers {@code {"status":"ok","version":"0.1.0-SNAPSHOT",...}}.
 */
public record ServerHealth(String status, String version) {}
