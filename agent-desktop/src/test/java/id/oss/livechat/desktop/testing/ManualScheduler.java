package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.util.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler whose time the test moves: nothing runs until the test says so. */
public final class ManualScheduler implements Scheduler {
    public record Task(Duration delay, Runnable action, boolean repeating) {}

    private final List<Task> pending = new ArrayList<>();

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task entry = new Task(delay, task, false);
        pending.add(entry);
        return () -> remove(entry);
    }

    @Override
    public synchronized Cancellable every(Duration period, Runnable task) {
        Task entry = new Task(period, task, true);
        pending.add(entry);
        return () -> remove(entry);
    }

    public synchronized List<Duration> pendingDelays() {
        return pending.stream().filter(t -> !t.repeating()).map(Task::delay).toList();
    }

    /** Runs every one-off task that is due now (all of them: time jumps ahead). */
    public void runOneOffs() {
        List<Task> due;
        synchronized (this) {
            due = pending.stream().filter(t -> !t.repeating()).toList();
            pending.removeAll(due);
        }
        due.forEach(t -> t.action().run());
    }

    /** Runs each repeating task once, as if its period had passed. */
    public void runRepeatingOnce() {
        List<Task> due;
        synchronized (this) {
            due = pending.stream().filter(Task::repeating).toList();
        }
        due.forEach(t -> t.action().run());
    }

    public synchronized long repeatingCount() {
        return pending.stream().filter(Task::repeating).count();
    }

    private synchronized void remove(Task task) {
        pending.remove(task);
    }
}
