package id.oss.livechat.desktop.util;

/** Where view-models report what the agent should notice; the shell shows and sounds it. */
@FunctionalInterface
public interface Notifier {
    void notify(Notice notice);
}
