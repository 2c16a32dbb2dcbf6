package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.util.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@link Background} on the test's thread that can hold answers back: the work runs when asked (as
 * a server answers from its state at that moment), but while {@link #hold() held} the answer is
 * only delivered at {@link #release()}. That is how a test puts socket frames between a REST call
 * and its late answer.
 */
public final class HeldBackground implements Background {
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    public void hold() {
        holding = true;
    }

    /** Delivers every held answer, oldest first, and stops holding. */
    public void release() {
        holding = false;
        List<Runnable> due = List.copyOf(held);
        held.clear();
        due.forEach(Runnable::run);
    }

    @Override
    public <T> void run(
            Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Runnable answer;
        try {
            T result = work.call();
            answer = () -> onSuccess.accept(result);
        } catch (Exception e) {
            answer = () -> onFailure.accept(e);
        }
        if (holding) {
            held.add(answer);
        } else {
            answer.run();
        }
    }
}
