package id.oss.livechat.server.session;

import id.oss.livechat.model.Language;
import java.util.List;
import java.util.Optional;

/**
 * The topics the widget offers, by code, with their names in Indonesian and English. A session
 * stores the code, so agents and reports read one topic in their own language whatever language the
 * visitor chose it in. The widget's list (its {@code TOPICS}) and the desktop's {@code topic.*}
 * texts use the same codes; a test keeps the widget's list equal to this one.
 */
public final class Topics {
    /** One topic of the list. */
    public record Topic(String code, String indonesian, String english) {
        public String label(Language language) {
            return language == Language.EN ? english : indonesian;
        }
    }

    public static final List<Topic> ALL =
            List.of(
                    new Topic("nib", "Pendaftaran NIB", "NIB registration"),
                    new Topic("perizinan", "Perizinan berusaha", "Business licensing"),
                    new Topic("perubahan-data", "Perubahan data usaha", "Changing business data"),
                    new Topic("akun", "Akun dan login OSS", "OSS account and login"),
                    new Topic("pengaduan", "Pengaduan layanan", "Service complaint"),
                    new Topic("lainnya", "Lainnya", "Other"));

    private Topics() {}

    public static Optional<Topic> find(String code) {
        return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /**
     * What a reader in {@code language} calls a session's topic: the list's name for a coded topic,
     * else the free text the visitor's client sent.
     */
    public static String label(String code, String storedTopic, Language language) {
        return code == null
                ? storedTopic
                : find(code).map(t -> t.label(language)).orElse(storedTopic);
    }
}
