package io.nodeplane.api.support;

import static org.awaitility.Awaitility.await;

import io.nodeplane.api.command.Actor;
import io.nodeplane.api.command.Commands;
import io.nodeplane.command.user.CreateUserCommand;
import io.nodeplane.command.user.UserCredentials;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.query.user.UserQueryService;
import io.nodeplane.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random port, against a fresh database on the real PostgreSQL server.
 * Every subclass shares one application context and one database (Spring's context cache).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApplicationIT.ClockConfiguration.class)
@ExtendWith(DiagnoseTimeouts.class)
public abstract class ApplicationIT {

    public static final String ADMIN_EMAIL = "admin@it.example.com";
    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** This run's own Redis channel: other services on the same Redis never reach the tests' instances. */
    public static final String REDIS_CHANNEL = "nodeplane:it:" + UUID.randomUUID();
    public static final String JWT_SECRET = "integration-tests-secret-of-at-least-32-bytes!";
    public static final String WEB_APP_URL = "http://dashboard.it.example:3001/app";
    public static final String MAIL_FROM = "nodeplane@it.example.com";
    public static final String ENROLLMENT_TOKEN = "it-shared-enrollment-token-0123456789";
    /** This run's own attempt counters in Redis (other runs on the same Redis keep theirs). */
    public static final String LIMITS_REDIS_PREFIX = "nodeplane:it:" + UUID.randomUUID() + ":limits:";
    /** Failures per account before 429; low so that a test reaches it quickly. */
    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    /**
     * Failures per address. Every IT signs in from 127.0.0.1, and some fail on purpose: this leaves them ample
     * room, while AttemptLimitsIT reaches it from addresses of its own (X-Forwarded-For, one trusted proxy).
     */
    public static final int MAX_FAILURES_PER_IP = 100;

    protected static final TestDatabase DB = TestDatabase.create("np_it");
    private static final Path STATE_DIR = stateDir();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(DB::close));
    }

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected Commands commands;
    @Autowired
    protected UserQueryService users;
    @Autowired
    protected TestClock clock;
    @Value("${local.server.port}")
    private int serverPort;

    /** The application's clock, which a test may move forward (and must put back: see {@link TestClock#reset()}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfiguration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        InFlightRequests inFlightRequests() {
            return new InFlightRequests();
        }
    }

    @BeforeEach
    void clientReadsLargeResponses() {
        clock.reset();
        // a client whose steps are kept for a timeout's diagnosis (ClientTrace), reading responses larger than
        // the server's deliberately small request-body limit; long polls wait up to seconds by design, and a
        // busy CI machine must not turn a slow answer into a failure
        http = WebTestClient.bindToServer(ClientTrace.connector()).baseUrl("http://localhost:" + serverPort)
                .filter(ClientTrace.started())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nodeplane.db.host", () -> DB.host);
        registry.add("nodeplane.db.port", () -> DB.port);
        registry.add("nodeplane.db.username", () -> DB.username);
        registry.add("nodeplane.db.password", () -> DB.password);
        registry.add("nodeplane.db.name", () -> DB.name);
        registry.add("nodeplane.db.url", () -> "");
        registry.add("nodeplane.state-dir", STATE_DIR::toString);
        registry.add("nodeplane.jwt.secret", () -> JWT_SECRET);
        registry.add("nodeplane.seed.enabled", () -> "true");
        registry.add("nodeplane.seed.admin-email", () -> ADMIN_EMAIL);
        registry.add("nodeplane.seed.admin-password", () -> ADMIN_PASSWORD);
        registry.add("nodeplane.max-body-bytes", () -> MAX_BODY_BYTES);
        registry.add("nodeplane.agent.enrollment-token", () -> ENROLLMENT_TOKEN);
        registry.add("nodeplane.realtime.web-app-url", () -> WEB_APP_URL);
        // the real Redis on loopback carries realtime changes between instances (TwoInstancesIT)
        registry.add("nodeplane.redis.enabled", () -> "true");
        registry.add("nodeplane.redis.port", () -> System.getenv().getOrDefault("NODEPLANE_TEST_REDIS_PORT", "6379"));
        registry.add("nodeplane.realtime.redis-channel", () -> REDIS_CHANNEL);
        // the offline detector runs every second with a 2 s timeout, so its effect is observable in tests
        registry.add("nodeplane.agent.heartbeat-timeout-seconds", () -> 2);
        registry.add("nodeplane.agent.offline-check-interval-seconds", () -> 1);
        // leases and stale tasks are checked every second; tests move the clock instead of waiting
        registry.add("nodeplane.tasks.stale-check-interval-seconds", () -> 1);
        registry.add("nodeplane.packages.wait-seconds", () -> 3);
        // every transactional e-mail goes to the one in-process SMTP server (TestMail)
        registry.add("nodeplane.mail.host", () -> "127.0.0.1");
        registry.add("nodeplane.mail.port", TestMail::port);
        registry.add("nodeplane.mail.from-email", () -> MAIL_FROM);
        registry.add("nodeplane.mail.from-name", () -> "Nodeplane IT");
        registry.add("nodeplane.mail.retry-backoff", () -> "200ms");
        // attempt limits: counters in Redis under this run's prefix; a request may name its address through one
        // trusted proxy hop (no other IT sends X-Forwarded-For, so theirs stays 127.0.0.1)
        registry.add("nodeplane.auth.limits.max-failures-per-account", () -> MAX_FAILURES_PER_ACCOUNT);
        registry.add("nodeplane.auth.limits.max-failures-per-ip", () -> MAX_FAILURES_PER_IP);
        registry.add("nodeplane.auth.limits.failure-window", () -> "15m");
        registry.add("nodeplane.auth.limits.redis-key-prefix", () -> LIMITS_REDIS_PREFIX);
        registry.add("nodeplane.http.trusted-proxy-hops", () -> 1);
        // the general tier stays on (every request passes the filter) but far above what any IT sends
        registry.add("nodeplane.auth.limits.requests-per-minute", () -> 1_000_000);
    }

    /** Signs in and returns the access token. */
    protected String login(String email, String password) {
        Map<?, ?> body = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    /** The running application's address, for a client other than {@link #http}. */
    protected String baseUrl() {
        return "http://localhost:" + serverPort;
    }

    protected String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Creates a user through the real command path and waits until its read model exists. */
    protected UUID createUser(String email, String password, boolean active, UserRole role) {
        UUID id = UUID.randomUUID();
        commands.send(new CreateUserCommand(id, email, "Test User", role, active, "UTC", UserCredentials.hash(password)),
                Actor.system("it-" + UUID.randomUUID())).block(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(15)).until(() -> users.byId(id).blockOptional().isPresent());
        return id;
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example.com";
    }

    /**
     * How many events requests (of users and agents) have stored. The timed background jobs (offline
     * detection, stale tasks, schedules) append whenever their time comes, also in the middle of a test that
     * checks that a refused request stored nothing, so their events are not counted.
     */
    protected long storedEvents() {
        return DB.queryLong("SELECT count(*) FROM domain_event_entry WHERE coalesce(convert_from(meta_data, 'UTF8')::jsonb"
                + " ->> 'correlationId', '') !~ '^(offline-detector|stale-task-detector|schedule-runner)'");
    }

    private static Path stateDir() {
        try {
            return Files.createTempDirectory("nodeplane-it-state");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
