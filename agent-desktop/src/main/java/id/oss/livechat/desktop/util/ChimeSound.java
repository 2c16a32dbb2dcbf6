package id.oss.livechat.desktop.util;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Two soft generated tones, played on a daemon thread. Without a sound device (a server, a headless
 * test run) it falls back to the system beep, and without that it stays silent: a missing speaker
 * must never break a chat.
 */
public final class ChimeSound implements Sound {
    private static final System.Logger LOG = System.getLogger(ChimeSound.class.getName());
    private static final float RATE = 22_050f;

    @Override
    public void chime() {
        Thread player = new Thread(ChimeSound::play, "desktop-chime");
        player.setDaemon(true);
        player.start();
    }

    /** Plays at once on the caller's thread; package-private for the test. */
    static void play() {
        try {
            byte[] samples = tones(new double[] {880, 1320}, 0.12);
            AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(samples, 0, samples.length);
                line.drain();
            }
        } catch (Exception | LinkageError noAudio) {
            beep();
        }
    }

    private static void beep() {
        try {
            java.awt.Toolkit.getDefaultToolkit().beep();
        } catch (Exception | LinkageError headless) {
            LOG.log(System.Logger.Level.DEBUG, "no sound device: the notice stays silent");
        }
    }

    /** Sine tones with a short fade in and out, so they do not click. */
    static byte[] tones(double[] frequencies, double secondsEach) {
        int perTone = (int) (RATE * secondsEach);
        byte[] out = new byte[perTone * frequencies.length];
        for (int t = 0; t < frequencies.length; t++) {
            for (int i = 0; i < perTone; i++) {
                double envelope = Math.min(1, Math.min(i, perTone - i) / (RATE * 0.02));
                double value = Math.sin(2 * Math.PI * frequencies[t] * i / RATE);
                out[t * perTone + i] = (byte) (value * envelope * 40);
            }
        }
        return out;
    }
}
