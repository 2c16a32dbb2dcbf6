package id.oss.livechat.model.visitor;

import java.time.Instant;
import java.util.UUID;

/** The stored contact of a session; after it, {@code requires_contact} is false. */
public record ContactResponse(
        UUID sessionId,
        String contactName,
        String contactEmail,
        String contactPhone,
        String position,
        String companyName,
        boolean requiresContact,
        Instant updatedAt) {}
