package id.oss.livechat.server.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the whole test JVM, on a fixed port so it can be stopped and
 * started again, as a mail server that goes down for a while.
 */
public final class TestMail {
    private static TestMail instance;
    private final int port;
    private GreenMail server;

    private TestMail(int port) {
        this.port = port;
    }

    public static synchronized TestMail get() {
        if (instance == null) {
            instance = new TestMail(ChildProcesses.freePort());
            instance.start();
        }
        return instance;
    }

    public synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public synchronized void stop() {
        server.stop();
    }

    public int port() {
        return port;
    }

    /** Every mail received (since the server last started) for one address. */
    public synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(
                        m -> {
                            try {
                                return Arrays.stream(m.getAllRecipients())
                                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                            } catch (Exception e) {
                                return false;
                            }
                        })
                .toList();
    }

    /** The text/plain part of a mail (the whole body of a single-part one). */
    public static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Points the applications the tests start at this server. */
    public static void useForApplications() {
        TestMail mail = get();
        System.setProperty("SMTP_HOST", "127.0.0.1");
        System.setProperty("SMTP_PORT", String.valueOf(mail.port()));
        System.setProperty("SMTP_STARTTLS", "false");
    }
}
