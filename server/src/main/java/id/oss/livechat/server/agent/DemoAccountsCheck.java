package id.oss.livechat.server.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Production keeps no demo door open: with demo mode off, the server refuses to start while an
 * active demo account ({@code admin}, {@code supervisor}, {@code agent1}..{@code agent3}) still
 * signs in with the published demo password ({@code livechat-demo}) or the configured {@code
 * DEMO_PASSWORD}. Run once at start, after the migrations.
 */
public class DemoAccountsCheck {
    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(DemoAccountsCheck.class);

    /** The documented default of {@code DEMO_PASSWORD}: published, so it protects nothing. */
    public static final String PUBLISHED_DEMO_PASSWORD = "livechat-demo";

    private final StaffRepository staff;
    private final PasswordHasher hasher;
    private final List<String> demoPasswords;

    public DemoAccountsCheck(StaffRepository staff, PasswordHasher hasher, String demoPassword) {
        this.staff = staff;
        this.hasher = hasher;
        this.demoPasswords =
                Stream.of(PUBLISHED_DEMO_PASSWORD, demoPassword)
                        .filter(Objects::nonNull)
                        .filter(p -> !p.isBlank())
                        .distinct()
                        .toList();
    }

    /** The demo accounts that still open with a demo password; empty when production is safe. */
    public Mono<List<String>> openDemoAccounts() {
        return Flux.fromIterable(DemoStaff.ACCOUNTS)
                .concatMap(demo -> staff.findByUsername(demo.username()))
                .filter(StaffAccount::active)
                .filterWhen(this::opensWithADemoPassword)
                .map(StaffAccount::username)
                .collectList();
    }

    private Mono<Boolean> opensWithADemoPassword(StaffAccount account) {
        return Flux.fromIterable(demoPasswords)
                .concatMap(password -> hasher.matches(password, account.passwordHash()))
                .any(Boolean::booleanValue);
    }

    /**
     * Called once on the start's own thread (before the server takes requests): the refusal, or
     * nothing.
     */
    public String refusal() {
        List<String> open;
        try {
            open = openDemoAccounts().block(Duration.ofSeconds(30));
        } catch (RuntimeException unreadable) {
            // no database to read (the migrations, which run first, would have stopped the start
            // unless switched off): nothing to refuse; readiness (/health/db) reports it
            log.warn("Could not check the demo accounts: {}", unreadable.toString());
            return null;
        }
        if (open == null || open.isEmpty()) {
            return null;
        }
        return "Demo accounts "
                + open
                + " still sign in with the demo password while demo mode is off: deactivate them"
                + " or change their passwords (PUT /api/agents/:id), or create a real admin with"
                + " the create-admin command and then deactivate them";
    }
}
