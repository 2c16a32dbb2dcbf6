package id.oss.livechat.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.model.StaffRole;
import id.oss.livechat.model.realtime.ChatMessage;
import id.oss.livechat.server.common.Staff;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Who gets a session's messages on this node: the staff sockets following it (an agent's, once the
 * chat is its; a supervisor's live view) and every overseer, each once, and never a socket that
 * stopped following or is gone.
 */
class ConnectionRegistryTest {
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final UUID session = UUID.randomUUID();
    private final UUID otherSession = UUID.randomUUID();

    @Test
    void anAgentsSocketsFollowTheirChatsFromAttachUntilDetach() {
        ClientConnection desk = staff(StaffRole.AGENT);
        ClientConnection laptop = staff(StaffRole.AGENT);
        registry.add(desk);
        registry.add(laptop);
        assertThat(registry.staffFollowing(session)).isEmpty();

        desk.attach(session, 0);
        laptop.attach(otherSession, 0);
        assertThat(registry.staffFollowing(session)).containsExactly(desk);
        assertThat(registry.staffFollowing(otherSession)).containsExactly(laptop);

        desk.detach(session);
        assertThat(registry.staffFollowing(session)).isEmpty();
        assertThat(registry.staffFollowing(otherSession)).containsExactly(laptop);
    }

    @Test
    void aSocketThatFollowedBeforeItWasAddedIsFoundAndAGoneOneIsNot() {
        ClientConnection desk = staff(StaffRole.AGENT);
        desk.attach(session, 3);
        registry.add(desk);
        assertThat(registry.staffFollowing(session)).containsExactly(desk);

        registry.remove(desk);
        assertThat(registry.staffFollowing(session)).isEmpty();
        // a late resume of the closed socket does not bring it back
        desk.resume(
                session,
                5,
                after -> Flux.<ChatMessage>empty(),
                reactor.core.publisher.Mono.just(5L));
        assertThat(registry.staffFollowing(session)).isEmpty();
    }

    @Test
    void aSupervisorIsToldOnceWhetherOrNotItFollowsTheChatAlready() {
        ClientConnection agent = staff(StaffRole.AGENT);
        ClientConnection supervisor = staff(StaffRole.SUPERVISOR);
        registry.add(agent);
        registry.add(supervisor);
        agent.attach(session, 0);
        assertThat(registry.staffFollowing(session)).containsExactlyInAnyOrder(agent, supervisor);

        // its live view of the chat (a delivered message follows the session)
        supervisor.attach(session, 0);
        assertThat(registry.staffFollowing(session))
                .containsExactlyInAnyOrder(agent, supervisor)
                .hasSize(2);
    }

    @Test
    void visitorsAreFoundBySessionAndNotAmongStaff() {
        ClientConnection visitor =
                new ClientConnection(
                        new Principal.Visitor(session, "Siti"), ClientConnection.Limits.DEFAULT);
        registry.add(visitor);
        visitor.attach(session, 0);
        assertThat(registry.visitorsOf(session)).containsExactly(visitor);
        assertThat(registry.staffFollowing(session)).isEmpty();
    }

    private static ClientConnection staff(StaffRole role) {
        return new ClientConnection(
                new Principal.StaffMember(
                        new Staff(UUID.randomUUID(), "staff", "Staf", role), List.of()),
                ClientConnection.Limits.DEFAULT);
    }
}
