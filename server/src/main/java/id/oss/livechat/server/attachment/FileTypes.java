package id.oss.livechat.server.attachment;

/** Tells what a file is from its bytes alone, never from its name or what the client claims. */
public interface FileTypes {

    /** The media type the bytes are, e.g. {@code image/png}; {@code application/octet-stream}. */
    String detect(byte[] content);
}
