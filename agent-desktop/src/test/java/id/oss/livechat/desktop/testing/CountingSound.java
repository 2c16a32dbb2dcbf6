package id.oss.livechat.desktop.testing;

import id.oss.livechat.desktop.util.Sound;
import java.util.concurrent.atomic.AtomicInteger;

public final class CountingSound implements Sound {
    public final AtomicInteger chimes = new AtomicInteger();

    @Override
    public void chime() {
        chimes.incrementAndGet();
    }
}
