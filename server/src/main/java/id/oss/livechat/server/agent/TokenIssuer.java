package id.oss.livechat.server.agent;

/** Issues the signed token a staff member sends with every call. */
public interface TokenIssuer {
    /** The token's claims beside the standard ones; its subject is the account id. */
    String ROLE_CLAIM = "role";

    String NAME_CLAIM = "name";
    String USERNAME_CLAIM = "preferred_username";

    /**
     * The account's token version when the token was issued; a token of an older version is revoked
     * (see {@code users.token_version}).
     */
    String VERSION_CLAIM = "ver";

    record Issued(String token, long expiresInSeconds) {}

    Issued issue(StaffAccount account);
}
