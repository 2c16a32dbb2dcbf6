package id.oss.livechat.desktop.connection;

import id.oss.livechat.desktop.util.Json;
import id.oss.livechat.model.realtime.ClientFrame;
import id.oss.livechat.model.realtime.ServerFrame;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/** JSON text ⇄ the shared-model frames. */
public final class FrameCodec {
    private static final System.Logger LOG = System.getLogger(FrameCodec.class.getName());

    public String encode(ClientFrame frame) {
        return Json.mapper().writeValueAsString(frame);
    }

    /**
     * The frame in {@code text}, or empty for malformed JSON or a type this desktop does not know
     * (a newer server may send more): logged and skipped, the connection keeps working.
     */
    public Optional<ServerFrame> decode(String text) {
        try {
            return Optional.ofNullable(Json.mapper().readValue(text, ServerFrame.class));
        } catch (JacksonException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "ignored a frame the desktop cannot read: " + abbreviate(text));
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
