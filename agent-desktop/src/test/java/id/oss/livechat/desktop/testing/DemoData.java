package id.oss.livechat.desktop.testing;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.Priority;
import id.oss.livechat.model.SenderType;
import id.oss.livechat.model.SessionStatus;
import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.model.realtime.Sender;
import id.oss.livechat.model.realtime.ServerFrame;
import id.oss.livechat.model.staff.Agent;
import id.oss.livechat.model.staff.DepartmentInfo;
import id.oss.livechat.model.staff.LoginResponse;
import id.oss.livechat.model.staff.StaffProfile;
import id.oss.livechat.model.staff.StaffSession;
import id.oss.livechat.model.visitor.AgentRef;
import id.oss.livechat.model.visitor.Contact;
import id.oss.livechat.model.visitor.DepartmentRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic help-desk data for tests and screenshots: OSS licensing questions in Indonesian. */
public final class DemoData {
    private DemoData() {}

    public static final Instant NOW = Instant.parse("2026-11-25T03:15:00Z"); // 10:15 WIB

    public static final DepartmentRef PERIZINAN =
            new DepartmentRef(uuid(101), "PB", "Perizinan Berusaha");
    public static final DepartmentRef LAYANAN = new DepartmentRef(uuid(102), "LO", "Layanan OSS");
    public static final DepartmentRef PENGADUAN = new DepartmentRef(uuid(103), "PG", "Pengaduan");

    public static final StaffProfile AGENT =
            new StaffProfile(
                    uuid(1), "agent1", "Dewi Lestari", StaffRole.AGENT, List.of(PERIZINAN.id()));
    public static final StaffProfile SUPERVISOR =
            new StaffProfile(
                    uuid(9),
                    "supervisor",
                    "Rina Wijaya",
                    StaffRole.SUPERVISOR,
                    List.of(PERIZINAN.id(), LAYANAN.id()));

    public static LoginResponse login(StaffProfile user) {
        return new LoginResponse("token-" + user.username(), "Bearer", 3600, user);
    }

    public static final Contact SITI =
            new Contact(
                    "Siti Rahmawati",
                    "siti.rahma@sinarnusantara.co.id",
                    "+62 812-3456-7890",
                    "Manajer Legal",
                    "PT Sinar Nusantara Abadi");
    public static final Contact BUDI =
            new Contact(
                    "Budi Santoso",
                    "budi.santoso@gmail.com",
                    "+62 857-1122-3344",
                    "Pemilik",
                    "CV Maju Bersama");
    public static final Contact ANDI =
            new Contact(
                    "Andi Pratama",
                    "andi@karyateknik.id",
                    "+62 813-9988-7766",
                    "Staf Perizinan",
                    "PT Karya Teknik Mandiri");

    /** A waiting session, queued {@code waitedSeconds} before {@link #NOW}. */
    public static StaffSession waiting(
            int n,
            String topic,
            Priority priority,
            DepartmentRef department,
            Contact contact,
            boolean verified,
            long waitedSeconds) {
        Instant queued = NOW.minusSeconds(waitedSeconds);
        return new StaffSession(
                uuid(1000 + n),
                uuid(2000 + n),
                SessionStatus.WAITING,
                topic,
                priority,
                department,
                null,
                contact,
                verified,
                verified ? "OSS-3174-00" + n : null,
                contact == null ? null : contact.contactEmail(),
                queued.minusSeconds(20),
                queued,
                null,
                null,
                null,
                1,
                1,
                n,
                null);
    }

    public static List<StaffSession> queue() {
        return List.of(
                waiting(
                        3,
                        "Gagal unggah dokumen PB UMKU",
                        Priority.URGENT,
                        PERIZINAN,
                        ANDI,
                        true,
                        412),
                waiting(
                        1,
                        "Status NIB belum terbit setelah verifikasi",
                        Priority.HIGH,
                        PERIZINAN,
                        SITI,
                        true,
                        251),
                waiting(
                        2,
                        "Cara mengubah KBLI pada izin usaha",
                        Priority.NORMAL,
                        LAYANAN,
                        BUDI,
                        false,
                        97),
                waiting(
                        4,
                        "Pertanyaan tentang Sertifikat Standar",
                        Priority.LOW,
                        LAYANAN,
                        null,
                        false,
                        38));
    }

    /** The session as the server answers a take: assigned to {@code agent}. */
    public static StaffSession assigned(StaffSession waiting, StaffProfile agent) {
        return new StaffSession(
                waiting.sessionId(),
                waiting.chatUserId(),
                SessionStatus.ACTIVE,
                waiting.topic(),
                waiting.priority(),
                waiting.department(),
                new AgentRef(agent.id(), agent.displayName()),
                waiting.contact(),
                waiting.verified(),
                waiting.ossUserId(),
                waiting.visitorEmail(),
                waiting.startedAt(),
                waiting.queuedAt(),
                NOW,
                null,
                null,
                waiting.lastSeq(),
                waiting.unread(),
                null,
                null);
    }

    public static StaffSession active(
            int n, String topic, Contact contact, boolean verified, long lastSeq, long unread) {
        StaffSession base = waiting(n, topic, Priority.NORMAL, PERIZINAN, contact, verified, 600);
        StaffSession active = assigned(base, AGENT);
        return new StaffSession(
                active.sessionId(),
                active.chatUserId(),
                active.status(),
                active.topic(),
                active.priority(),
                active.department(),
                active.agent(),
                active.contact(),
                active.verified(),
                active.ossUserId(),
                active.visitorEmail(),
                active.startedAt(),
                active.queuedAt(),
                active.assignedAt(),
                null,
                null,
                lastSeq,
                unread,
                null,
                null);
    }

    /** An earlier, finished session of the visitor {@code chatUserId}. */
    public static StaffSession closed(
            int n, UUID chatUserId, String topic, Contact contact, Instant started) {
        StaffSession base = waiting(n, topic, Priority.NORMAL, PERIZINAN, contact, true, 0);
        return new StaffSession(
                base.sessionId(),
                chatUserId,
                SessionStatus.CLOSED,
                topic,
                base.priority(),
                base.department(),
                new AgentRef(uuid(2), "Rudi Hartono"),
                contact,
                true,
                base.ossUserId(),
                base.visitorEmail(),
                started,
                started,
                started.plusSeconds(60),
                started.plusSeconds(900),
                "Pertanyaan terjawab",
                6,
                0,
                null,
                null);
    }

    public static Sender visitor(Contact contact) {
        return new Sender(
                SenderType.VISITOR, null, contact == null ? "Pengunjung" : contact.contactName());
    }

    public static Sender agentSender() {
        return new Sender(SenderType.AGENT, AGENT.id(), AGENT.displayName());
    }

    public static final Sender SYSTEM = new Sender(SenderType.SYSTEM, null, "Sistem");

    public static ServerFrame.MessageNew visitorSays(UUID session, long seq, String text) {
        return new ServerFrame.MessageNew(
                session, seq, "v-" + seq, visitor(SITI), text, NOW.plusSeconds(seq * 30));
    }

    public static ServerFrame.MessageNew agentSaid(
            UUID session, long seq, String clientMsgId, String text) {
        return new ServerFrame.MessageNew(
                session, seq, clientMsgId, agentSender(), text, NOW.plusSeconds(seq * 30));
    }

    /** The conversation with Siti about her NIB, as stored on the server. */
    public static List<ChatMessage> sitiConversation(UUID session) {
        Instant t = NOW.minus(Duration.ofMinutes(6));
        return List.of(
                new ChatMessage(
                        session,
                        1,
                        "v-1",
                        visitor(SITI),
                        "Selamat siang, NIB perusahaan kami belum terbit padahal verifikasi sudah selesai sejak Senin.",
                        t),
                new ChatMessage(
                        session,
                        2,
                        null,
                        SYSTEM,
                        "Dewi Lestari bergabung dalam percakapan.",
                        t.plusSeconds(40)),
                new ChatMessage(
                        session,
                        3,
                        "a-3",
                        agentSender(),
                        "Selamat siang Ibu Siti, terima kasih sudah menghubungi OSS. Boleh saya minta nomor permohonannya?",
                        t.plusSeconds(70)),
                new ChatMessage(
                        session,
                        4,
                        "v-4",
                        visitor(SITI),
                        "Nomor permohonannya I-202611240915 atas nama PT Sinar Nusantara Abadi.",
                        t.plusSeconds(130)),
                new ChatMessage(
                        session,
                        5,
                        "a-5",
                        agentSender(),
                        "Baik, saya periksa dulu ya, Bu. Mohon tunggu sebentar.",
                        t.plusSeconds(160)),
                new ChatMessage(
                        session,
                        6,
                        "v-6",
                        visitor(SITI),
                        "Baik, terima kasih.",
                        t.plusSeconds(190)));
    }

    public static List<Agent> agents() {
        return List.of(
                new Agent(
                        AGENT.id(),
                        "agent1",
                        "Dewi Lestari",
                        "dewi@oss.go.id",
                        StaffRole.AGENT,
                        AgentStatus.ONLINE,
                        List.of(PERIZINAN.id()),
                        3,
                        2,
                        true),
                new Agent(
                        uuid(2),
                        "agent2",
                        "Rudi Hartono",
                        "rudi@oss.go.id",
                        StaffRole.AGENT,
                        AgentStatus.ONLINE,
                        List.of(PERIZINAN.id()),
                        3,
                        1,
                        true),
                new Agent(
                        uuid(3),
                        "agent3",
                        "Maya Sari",
                        "maya@oss.go.id",
                        StaffRole.AGENT,
                        AgentStatus.AWAY,
                        List.of(LAYANAN.id()),
                        3,
                        0,
                        true));
    }

    public static List<DepartmentInfo> departments() {
        return List.of(
                new DepartmentInfo(
                        PERIZINAN.id(),
                        "PB",
                        "Perizinan Berusaha",
                        "pb@oss.go.id",
                        true,
                        true,
                        2,
                        2),
                new DepartmentInfo(
                        LAYANAN.id(), "LO", "Layanan OSS", "lo@oss.go.id", false, true, 1, 2),
                new DepartmentInfo(
                        PENGADUAN.id(), "PG", "Pengaduan", "pg@oss.go.id", false, true, 0, 0));
    }

    public static UUID uuid(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    /** The citizen's case of the demo portal (docs/API.md's worked example). */
    public static final id.oss.livechat.model.visitor.CaseContext CASE =
            new id.oss.livechat.model.visitor.CaseContext(
                    "9120001234567",
                    "PB-UMKU-202611-000123",
                    List.of("56101", "47111"),
                    "Sertifikat Standar",
                    "DKI Jakarta");

    /** The session as the server shows it with the case the portal passed, signed or not. */
    public static StaffSession withCase(
            StaffSession s, id.oss.livechat.model.visitor.CaseContext context, boolean verified) {
        return new StaffSession(
                s.sessionId(),
                s.chatUserId(),
                s.status(),
                s.topic(),
                s.priority(),
                s.department(),
                s.agent(),
                s.contact(),
                s.verified(),
                s.ossUserId(),
                s.visitorEmail(),
                s.startedAt(),
                s.queuedAt(),
                s.assignedAt(),
                s.endedAt(),
                s.closeReason(),
                s.lastSeq(),
                s.unread(),
                s.queuePosition(),
                s.lastMessage(),
                s.topicCode(),
                s.leftMessage(),
                s.leftMessageAt(),
                s.answerBy(),
                context,
                verified);
    }
}
