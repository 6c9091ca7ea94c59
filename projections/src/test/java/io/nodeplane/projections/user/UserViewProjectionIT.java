package io.nodeplane.projections.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodeplane.events.user.UserCreatedEvent;
import io.nodeplane.events.user.UserDeletedEvent;
import io.nodeplane.events.user.UserInvitationAcceptedEvent;
import io.nodeplane.events.user.UserInvitationIssuedEvent;
import io.nodeplane.events.user.UserUpdatedEvent;
import io.nodeplane.events.user.UserUpdatedEvent.Profile;
import io.nodeplane.events.user.UserRole;
import io.nodeplane.events.user.UserSessionsRevokedEvent;
import io.nodeplane.projections.support.AccessChanges;
import io.nodeplane.query.realtime.RealtimeBus;
import io.nodeplane.query.user.UserViewRepository;
import io.nodeplane.testsupport.TestDatabase;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/** Applying the same events again, or an older one after a newer one, leaves the row unchanged. */
class UserViewProjectionIT {

    private static TestDatabase db;
    private static UserViewProjection projection;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.create("np_proj");
        Flyway.configure().dataSource(db.jdbcUrl(), db.username, db.password)
                .locations("classpath:db/migration/query").load().migrate();
        DatabaseClient client = DatabaseClient.create(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().host(db.host).port(db.port).database(db.name).username(db.username)
                .password(db.password).build()));
        // outside a processor's batch nothing is announced: a bus that is called fails the test
        RealtimeBus silent = new RealtimeBus() {
            @Override
            public void publish(String type, UUID workspaceId, UUID nodeId, Object entity) {
                throw new AssertionError("announced " + type + " outside a batch");
            }

            @Override
            public void accessNarrowed(UUID userId, UUID workspaceId) {
                throw new AssertionError("announced an access change outside a batch");
            }
        };
        projection = new UserViewProjection(new UserViewRepository(client), new AccessChanges(silent));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void reapplyingEventsInAnyOrderLeavesIdenticalRows() throws Exception {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse("2026-11-23T10:00:00Z");
        Instant revoked = Instant.parse("2026-11-23T11:00:00Z");
        UserCreatedEvent create = new UserCreatedEvent(id, "Ada@Example.com", "Ada", UserRole.USER, true, "UTC");
        UserSessionsRevokedEvent revoke = new UserSessionsRevokedEvent(id, 1, "operator-request");

        projection.on(create, 0, created);
        projection.on(revoke, 1, revoked);
        List<String> once = row(id);

        projection.on(create, 0, created);
        projection.on(revoke, 1, revoked);
        projection.on(create, 0, created);
        assertThat(row(id)).isEqualTo(once);
        assertThat(once).contains("session_version=1", "last_event_seq=1", "email_normalized=ada@example.com",
                "invite_status=accepted", "role=user");
        assertThat(db.queryLong("SELECT count(*) FROM user_view WHERE id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void theInvitationLifecycleIsIdempotentAndADeletionSticks() throws Exception {
        UUID id = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
        UserCreatedEvent create = new UserCreatedEvent(id, "grace@example.com", "Grace", UserRole.USER, false, "UTC");
        UserInvitationIssuedEvent issued = new UserInvitationIssuedEvent(id, t0.plusSeconds(604_800), false);
        UserInvitationAcceptedEvent accepted = new UserInvitationAcceptedEvent(id, "Grace H.");
        UserUpdatedEvent promoted = new UserUpdatedEvent(id, new Profile("Grace H.", UserRole.USER, true),
                new Profile("Grace H.", UserRole.PLATFORM_ADMIN, true));

        projection.on(create, 0, t0);
        projection.on(issued, 1, t0);
        assertThat(row(id)).contains("invite_status=pending", "is_active=f", "last_invited_at=2026-11-24 10:00:00+00");
        projection.on(accepted, 2, t0.plusSeconds(60));
        projection.on(promoted, 4, t0.plusSeconds(120));
        List<String> once = row(id);
        projection.on(issued, 1, t0.plusSeconds(500));
        projection.on(accepted, 2, t0.plusSeconds(500));
        projection.on(promoted, 4, t0.plusSeconds(500));
        assertThat(row(id)).isEqualTo(once);
        assertThat(once).contains("invite_status=accepted", "is_active=t", "name=Grace H.", "role=platform_admin",
                "activated_at=2026-11-24 10:01:00+00");

        projection.on(new UserDeletedEvent(id, "grace@example.com"));
        projection.on(new UserDeletedEvent(id, "grace@example.com"));
        projection.on(promoted, 4, t0.plusSeconds(600));
        assertThat(db.queryLong("SELECT count(*) FROM user_view WHERE id = '" + id + "'")).isZero();
    }

    @Test
    void resetEmptiesTheViewSoItCanBeRebuilt() throws Exception {
        projection.on(new UserCreatedEvent(UUID.randomUUID(), "b@example.com", "B", UserRole.USER, true, "UTC"), 0,
                Instant.now());
        projection.reset();
        assertThat(db.queryLong("SELECT count(*) FROM user_view")).isZero();
    }

    private static List<String> row(UUID id) throws Exception {
        try (var c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM user_view WHERE id = '" + id + "'")) {
            List<String> columns = new ArrayList<>();
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i) + "=" + rs.getString(i));
            }
            return columns;
        }
    }
}
