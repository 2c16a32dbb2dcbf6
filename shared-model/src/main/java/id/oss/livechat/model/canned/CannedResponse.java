package id.oss.livechat.model.canned;

import id.oss.livechat.model.Language;
import java.time.Instant;
import java.util.UUID;

/**
 * A canned reply: the agent types {@code /shortcut} in the composer and gets {@code text}, with its
 * placeholders ({@code {nama_pengunjung}}/{@code {visitor_name}}, {@code {nama_agen}}/{@code
 * {agent_name}}, {@code {topik}}/{@code {topic}}) filled in, to edit before sending. A reply is
 * shared by a department ({@code department_id} set, managed by supervisors and admins) or personal
 * ({@code department_id} null, its owner's own).
 */
public record CannedResponse(
        UUID id,
        String shortcut,
        String text,
        Language language,
        UUID departmentId,
        String departmentName,
        boolean personal,
        Instant updatedAt) {}
