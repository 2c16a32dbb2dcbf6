package id.oss.livechat.server.notification;

import id.oss.livechat.model.Language;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.realtime.ChatMessage;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The product's mails, each in plain text and HTML, in Indonesian and English. Everything a person
 * typed is escaped in the HTML part: a message is text, never markup.
 */
public final class MailTemplates {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_ID =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"));
    private static final DateTimeFormatter DAY_EN =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;

    public MailTemplates(ZoneId zone) {
        this.zone = zone;
    }

    /** Subject, text and HTML of a mail. */
    public record Rendered(String subject, String text, String html) {}

    public Rendered transcript(MailContext context, List<ChatMessage> messages) {
        boolean id = context.language() == Language.ID;
        String subject =
                (id
                                ? "Transkrip percakapan Anda dengan Layanan OSS: "
                                : "Your conversation with OSS support: ")
                        + context.topicIn(context.language());
        String greeting = greeting(context);
        String intro =
                id
                        ? "Berikut transkrip percakapan Anda dengan petugas Layanan OSS ("
                                + context.departmentName()
                                + ") pada "
                                + day(context, true)
                                + "."
                        : "Here is the transcript of your conversation with OSS support ("
                                + context.departmentName()
                                + ") on "
                                + day(context, false)
                                + ".";
        String closing =
                id
                        ? "Terima kasih telah menghubungi Layanan OSS."
                        : "Thank you for contacting OSS support.";
        StringBuilder text =
                new StringBuilder(greeting).append("\n\n").append(intro).append("\n\n");
        StringBuilder rows = new StringBuilder();
        for (ChatMessage m : messages) {
            text.append('[')
                    .append(time(m))
                    .append("] ")
                    .append(senderName(m, id))
                    .append(": ")
                    .append(m.text())
                    .append('\n');
            rows.append(
                            "<tr><td style=\"color:#64748b;padding:4px 8px;vertical-align:top;white-space:nowrap\">")
                    .append(time(m))
                    .append(
                            "</td><td style=\"padding:4px 8px;vertical-align:top;font-weight:600\">")
                    .append(escape(senderName(m, id)))
                    .append("</td><td style=\"padding:4px 8px;white-space:pre-wrap\">")
                    .append(escape(m.text()))
                    .append("</td></tr>");
        }
        text.append('\n').append(closing).append('\n');
        String html =
                page(
                        subject,
                        "<p>"
                                + escape(greeting)
                                + "</p><p>"
                                + escape(intro)
                                + "</p>"
                                + "<table style=\"border-collapse:collapse;font-size:14px\">"
                                + rows
                                + "</table><p>"
                                + escape(closing)
                                + "</p>");
        return new Rendered(subject, text.toString(), html);
    }

    public Rendered replyNotice(MailContext context, ChatMessage reply) {
        boolean id = context.language() == Language.ID;
        String subject =
                (id ? "Balasan baru dari Layanan OSS: " : "New reply from OSS support: ")
                        + context.topicIn(context.language());
        String intro =
                id
                        ? senderName(reply, true)
                                + " membalas pesan Anda setelah Anda meninggalkan percakapan:"
                        : senderName(reply, false) + " replied after you left the conversation:";
        String back =
                id
                        ? "Buka kembali portal OSS untuk melanjutkan percakapan; riwayatnya tersimpan."
                        : "Open the OSS portal again to continue the conversation; its history is kept.";
        String text =
                greeting(context)
                        + "\n\n"
                        + intro
                        + "\n\n    "
                        + reply.text().replace("\n", "\n    ")
                        + "\n\n"
                        + back
                        + "\n";
        String html =
                page(
                        subject,
                        "<p>"
                                + escape(greeting(context))
                                + "</p><p>"
                                + escape(intro)
                                + "</p>"
                                + "<blockquote style=\"border-left:3px solid #0b5cad;margin:0;padding:8px 12px;white-space:pre-wrap\">"
                                + escape(reply.text())
                                + "</blockquote><p>"
                                + escape(back)
                                + "</p>");
        return new Rendered(subject, text, html);
    }

    /**
     * A visitor's message for the department's address, in Indonesian (the help desk's language).
     * {@code closedHours}: written outside the department's opening hours (else: while no agent was
     * online). {@code window}: how long later messages of the chat are not mailed again.
     */
    public Rendered offlineMessage(
            MailContext context, ChatMessage message, Duration window, boolean closedHours) {
        String topic = context.topicIn(Language.ID);
        String subject =
                (closedHours
                                ? "Pesan pengunjung di luar jam layanan: "
                                : "Pesan pengunjung saat tidak ada petugas online: ")
                        + topic;
        String who =
                (context.contactName() == null ? "Pengunjung" : context.contactName())
                        + (context.contactEmail() == null
                                ? ""
                                : " <" + context.contactEmail() + ">");
        String intro =
                closedHours
                        ? who
                                + " menulis pesan berikut di luar jam layanan "
                                + context.departmentName()
                                + " ("
                                + day(context, true)
                                + ", "
                                + time(message)
                                + "):"
                        : "Tidak ada petugas "
                                + context.departmentName()
                                + " yang online ketika "
                                + who
                                + " menulis pesan berikut ("
                                + day(context, true)
                                + ", "
                                + time(message)
                                + "):";
        String after =
                (closedHours
                                ? "Percakapan ini menunggu di antrean dan diberikan kepada petugas saat"
                                        + " layanan buka; petugas juga dapat mengambilnya dari aplikasi agen."
                                : "Percakapan ini menunggu di antrean; ambil dari aplikasi agen untuk membalas.")
                        + " Pesan berikutnya dalam percakapan ini tidak dikirim lewat e-mail selama "
                        + Math.max(1, window.toMinutes())
                        + " menit; semuanya ada di aplikasi agen.";
        String text =
                intro
                        + "\n\n    "
                        + message.text().replace("\n", "\n    ")
                        + "\n\nTopik: "
                        + topic
                        + "\nSesi: "
                        + context.sessionId()
                        + "\n\n"
                        + after
                        + "\n";
        String html =
                page(
                        subject,
                        "<p>"
                                + escape(intro)
                                + "</p>"
                                + "<blockquote style=\"border-left:3px solid #0b5cad;margin:0;padding:8px 12px;white-space:pre-wrap\">"
                                + escape(message.text())
                                + "</blockquote><p>Topik: "
                                + escape(topic)
                                + "<br>Sesi: "
                                + context.sessionId()
                                + "</p><p>"
                                + escape(after)
                                + "</p>");
        return new Rendered(subject, text, html);
    }

    private static String greeting(MailContext context) {
        String name = context.contactName() == null ? "" : " " + context.contactName();
        return context.language() == Language.ID
                ? "Yth." + (name.isEmpty() ? " Pengunjung" : name) + ","
                : "Dear" + (name.isEmpty() ? " visitor" : name) + ",";
    }

    private String day(MailContext context, boolean indonesian) {
        return context.startedAt().atZone(zone).format(indonesian ? DAY_ID : DAY_EN);
    }

    private String time(ChatMessage message) {
        return message.sentAt().atZone(zone).format(TIME);
    }

    private static String senderName(ChatMessage message, boolean indonesian) {
        if (message.sender().type() == SenderType.SYSTEM) {
            return indonesian ? "Sistem" : "System";
        }
        if (message.sender().name() != null && !message.sender().name().isBlank()) {
            return message.sender().name();
        }
        if (message.sender().type() == SenderType.VISITOR) {
            return indonesian ? "Anda" : "You";
        }
        return indonesian ? "Petugas OSS" : "OSS agent";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                + escape(title)
                + "</title></head>"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;color:#0f172a;line-height:1.5\">"
                + "<div style=\"max-width:640px;margin:0 auto\"><h2 style=\"color:#0b5cad;font-size:18px\">Layanan OSS</h2>"
                + body
                + "<hr style=\"border:none;border-top:1px solid #e2e8f0\"><p style=\"color:#64748b;font-size:12px\">"
                + "OSS LiveChat</p></div></body></html>";
    }

    /** Text as HTML text: the five characters HTML gives meaning to, escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
