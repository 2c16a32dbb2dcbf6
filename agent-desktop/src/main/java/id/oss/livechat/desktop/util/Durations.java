package id.oss.livechat.desktop.util;

import java.time.Duration;

/** Short texts for durations as agents read them at a glance: "0:42", "12:05", "1:02:09". */
public final class Durations {
    private Durations() {}

    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        if (hours > 0) {
            return String.format("%d:%02d:%02d", hours, minutes, secs);
        }
        return String.format("%d:%02d", minutes, secs);
    }
}
