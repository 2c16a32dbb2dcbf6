package id.oss.livechat.server.agent;

/** Issues the signed token a staff member sends with every call. */
public interface TokenIssuer {
    /** The token's claims beside the standard ones; its subject is the account id. */
    String ROLE_CLAIM = "role";

    String NAME_CLAIM = "name";
    String USERNAME_CLAIM = "preferred_username";

    record Issued(String token, long expiresInSeconds) {}

    Issued issue(StaffAccount account);
}
