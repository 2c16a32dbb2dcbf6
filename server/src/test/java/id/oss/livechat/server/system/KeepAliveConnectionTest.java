package id.oss.livechat.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.support.ServerTest;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A browser keeps its connection to the server open and sends the widget's next call on it as soon
 * as the previous answer is in. Every such call must be answered: Reactor Netty 1.3.6 stopped
 * reading a keep-alive connection whose next request arrived while the previous one was still
 * finishing, and the call hung until the browser gave up (seen as 30 s test timeouts).
 */
class KeepAliveConnectionTest extends ServerTest {
    private static final String[] PATHS = {
        "/api/oss-chat/history?browser_uuid=nope", // refused: 400
        "/api/oss-chat/history?", // refused: 400
        "/api/oss-chat/departments", // answered: 200
        "/health",
    };

    @Test
    void everyRequestOnOneKeepAliveConnectionIsAnswered() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 400; i++) {
                String path = PATHS[i % PATHS.length];
                out.write(
                        ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                try {
                    statuses.add(readResponse(in));
                } catch (SocketTimeoutException e) {
                    throw new AssertionError(
                            "request " + (i + 1) + " (" + path + ") was never answered", e);
                }
            }
        }
        assertThat(statuses).hasSize(400);
        assertThat(statuses.subList(0, 4)).containsExactly(400, 400, 200, 200);
    }

    /** Reads one whole response (fixed length or chunked) and answers its status. */
    private static int readResponse(BufferedInputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        boolean chunked = false;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            String header = line.toLowerCase();
            if (header.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).strip());
            } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.readNBytes(length);
            return status;
        }
        for (int size = Integer.parseInt(readLine(in).strip(), 16);
                size > 0;
                size = Integer.parseInt(readLine(in).strip(), 16)) {
            in.readNBytes(size);
            readLine(in);
        }
        readLine(in);
        return status;
    }

    private static String readLine(BufferedInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
