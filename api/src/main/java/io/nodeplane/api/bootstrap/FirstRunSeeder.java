package io.nodeplane.api.bootstrap;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.api.config.NodeplaneProperties;
import io.nodeplane.api.config.StateFiles;
import io.nodeplane.command.support.UniqueKeys;
import io.nodeplane.command.user.CreateUserCommand;
import io.nodeplane.command.user.UserCredentials;
import io.nodeplane.command.workspace.CreateWorkspaceCommand;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.query.user.UserQueryService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a fresh installation usable: the first platform admin (from {@code SEED_DEFAULT_ADMIN} and
 * {@code ADMIN_*}, or generated with its password written to a 600 file in the state directory)
 * and the default workspace. Runs under a PostgreSQL advisory lock so concurrent instances seed once.
 *
 * <p>It runs as a lifecycle step after Axon has started and before the web server opens, so the
 * first request the service answers already finds the admin.
 */
@Component
class FirstRunSeeder implements SmartLifecycle {

    static final String GENERATED_ADMIN_EMAIL = "admin@localhost";
    static final String CREDENTIALS_FILE = "initial_admin_credentials";
    private static final long LOCK_KEY = 0x6E6F6465706C616EL; // "nodeplan"
    private static final Logger log = LoggerFactory.getLogger(FirstRunSeeder.class);

    private final NodeplaneProperties properties;
    private final UniqueKeys uniqueKeys;
    private final Commands commands;
    private final UserQueryService users;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    FirstRunSeeder(NodeplaneProperties properties, UniqueKeys uniqueKeys, Commands commands, UserQueryService users,
                   JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.properties = properties;
        this.uniqueKeys = uniqueKeys;
        this.commands = commands;
        this.users = users;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    private volatile boolean running;

    @Override
    public int getPhase() {
        // after Axon's configuration starts (DEFAULT_PHASE - 3072), before the web server (DEFAULT_PHASE - 2048)
        return SmartLifecycle.DEFAULT_PHASE - 2560;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void start() {
        running = true;
        // transaction-scoped advisory lock: released on commit, even if this instance dies
        UUID admin = transaction.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK_KEY);
            return seed();
        });
        if (admin != null) {
            // read-your-writes: sign-in works as soon as the service reports started
            users.byId(admin).repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(50)))
                    .timeout(Duration.ofSeconds(30)).block();
        }
    }

    private UUID seed() {
        Actor system = Actor.system("seed-" + UUID.randomUUID());
        NodeplaneProperties.Seed seed = properties.seed();
        UUID admin = null;
        if (seed.enabled()) {
            admin = seedConfiguredAdmin(seed, system);
        } else if (uniqueKeys.count(UniqueKeys.USER_EMAIL) == 0) {
            admin = seedGeneratedAdmin(system);
        }
        if (uniqueKeys.count(UniqueKeys.WORKSPACE_SLUG) == 0) {
            commands.send(new CreateWorkspaceCommand(UUID.randomUUID(), "Default Workspace", "default", "UTC", true,
                    admin, admin, admin == null ? null : UUID.randomUUID()), system).block();
            log.info("Created the default workspace");
        }
        return admin;
    }

    private UUID seedConfiguredAdmin(NodeplaneProperties.Seed seed, Actor system) {
        String email = seed.adminEmail() == null ? "" : seed.adminEmail().trim().toLowerCase(Locale.ROOT);
        String password = seed.adminPassword() == null ? "" : seed.adminPassword();
        if (email.isEmpty() || !email.contains("@") || password.length() < 8) {
            throw new IllegalStateException("SEED_DEFAULT_ADMIN=true needs ADMIN_EMAIL and an ADMIN_PASSWORD of at "
                    + "least 8 characters");
        }
        if (uniqueKeys.isClaimed(UniqueKeys.USER_EMAIL, email)) {
            return null; // already seeded on an earlier start: never reset a password behind the operator's back
        }
        UUID id = UUID.randomUUID();
        createAdmin(id, email, seed.adminName(), password, system);
        log.info("Seeded platform admin {} from ADMIN_EMAIL", email);
        return id;
    }

    private UUID seedGeneratedAdmin(Actor system) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = UUID.randomUUID();
        Path file = properties.stateDir().resolve(CREDENTIALS_FILE).toAbsolutePath();
        try {
            StateFiles.writeSecret(file, "email=" + GENERATED_ADMIN_EMAIL + "\npassword=" + password + "\n");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        createAdmin(id, GENERATED_ADMIN_EMAIL, "Administrator", password, system);
        log.warn("Created the first platform admin {}; its password is in {} (readable by this user only). "
                + "Sign in, then delete that file.", GENERATED_ADMIN_EMAIL, file);
        return id;
    }

    private void createAdmin(UUID id, String email, String name, String password, Actor system) {
        commands.send(new CreateUserCommand(id, email, name == null || name.isBlank() ? "Administrator" : name,
                UserRole.PLATFORM_ADMIN, true, "UTC", UserCredentials.hash(password)), system).block();
    }
}
