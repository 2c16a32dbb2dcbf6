package id.oss.livechat.model.visitor;

/** The contact details a visitor gave for one session. */
public record Contact(
        String contactName,
        String contactEmail,
        String contactPhone,
        String position,
        String companyName) {}
