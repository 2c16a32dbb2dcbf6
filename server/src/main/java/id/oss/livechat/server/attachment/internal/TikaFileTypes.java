package id.oss.livechat.server.attachment.internal;

import id.oss.livechat.server.attachment.FileTypes;
import org.apache.tika.Tika;

/**
 * Apache Tika's magic-number detection (tika-core only: no parser runs on the file). Given bytes
 * and no name, it answers from the bytes alone.
 */
public class TikaFileTypes implements FileTypes {
    private final Tika tika = new Tika();

    @Override
    public String detect(byte[] content) {
        return tika.detect(content);
    }
}
