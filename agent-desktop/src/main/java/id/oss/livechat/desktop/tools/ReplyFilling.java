package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.chat.Sessions;
import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.Language;
import id.oss.livechat.model.canned.CannedResponse;
import id.oss.livechat.model.staff.StaffSession;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fills in a canned reply's placeholders for one chat: the visitor's name ({@code
 * {nama_pengunjung}}, {@code {visitor_name}}), the agent's ({@code {nama_agen}}, {@code
 * {agent_name}}) and the topic ({@code {topik}}, {@code {topic}}), the topic named in the reply's
 * language. A value not known yet (no name before the contact form) leaves nothing behind, not a
 * placeholder the visitor would read.
 */
public final class ReplyFilling {
    private final Map<Language, Localization> texts = new EnumMap<>(Language.class);

    public ReplyFilling() {
        texts.put(Language.ID, new Localization(AppLanguage.INDONESIAN));
        texts.put(Language.EN, new Localization(AppLanguage.ENGLISH));
    }

    public String fill(CannedResponse reply, StaffSession session, String agentName) {
        String visitor = session == null ? "" : Sessions.name(session);
        String topic = session == null ? "" : Sessions.topic(session, texts.get(reply.language()));
        String agent = agentName == null ? "" : agentName;
        String text =
                reply.text()
                        .replace("{nama_pengunjung}", visitor)
                        .replace("{visitor_name}", visitor)
                        .replace("{nama_agen}", agent)
                        .replace("{agent_name}", agent)
                        .replace("{topik}", topic)
                        .replace("{topic}", topic);
        // "Halo {nama_pengunjung}, …" without a name reads "Halo, …"
        return text.replaceAll("[ \\t]+([,.!?])", "$1").replaceAll("[ \\t]{2,}", " ").strip();
    }
}
