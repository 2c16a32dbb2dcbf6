package id.oss.livechat.server.agent;

import id.oss.livechat.model.AgentStatus;
import id.oss.livechat.model.StaffRole;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of staff accounts and their departments. */
public interface StaffRepository {
    Mono<StaffAccount> findByUsername(String username);

    Mono<StaffAccount> findById(UUID id);

    Flux<StaffAccount> findAll();

    /** What a new account is made of; the password is already hashed. */
    record NewAccount(
            String username,
            String displayName,
            String email,
            String passwordHash,
            StaffRole role,
            int maxChats,
            List<UUID> departmentIds) {}

    /** Fails with a {@code Problem} conflict when the username is taken. */
    Mono<StaffAccount> create(NewAccount account);

    /** Changes to an account; null leaves a field as it is. */
    record Changes(
            String displayName,
            String email,
            String passwordHash,
            StaffRole role,
            Integer maxChats,
            Boolean active,
            List<UUID> departmentIds,
            boolean revokeTokens) {}

    Mono<StaffAccount> update(UUID id, Changes changes);

    Mono<StaffAccount> setStatus(UUID id, AgentStatus status);

    /**
     * What a token is checked against on every request: the account's role, whether it is active,
     * and its token version (tokens of an older version are revoked). Empty when there is none.
     */
    Mono<Standing> standing(UUID id);

    record Standing(
            UUID id,
            String username,
            String displayName,
            StaffRole role,
            boolean active,
            int tokenVersion) {}

    /** These members have a staff socket open on this node now. */
    Mono<Void> socketsSeen(List<UUID> ids);

    /**
     * The member, away only because its sockets were gone, is online again; empty when it was not
     * away for that reason.
     */
    Mono<StaffAccount> backFromAbsence(UUID id);

    /** Online members no node has seen a socket of for longer than {@code grace}: now away. */
    Flux<StaffAccount> awayForAbsence(java.time.Duration grace);

    /** Revokes every token issued so far to the account; empty when there is no such account. */
    Mono<Integer> revokeTokens(UUID id);
}
