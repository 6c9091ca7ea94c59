package io.nodeplane.query.user;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Locale;
import io.nodeplane.query.support.Rows;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes {@code user_view}. Writes are guarded by {@code last_event_seq}: an event whose
 * sequence number is not newer than the row's is ignored, so applying events again is harmless.
 */
@Repository
public class UserViewRepository {

    private final DatabaseClient db;

    public UserViewRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(UUID id, String email, String name, String role, boolean active, String timezone,
                             Instant at, long seq) {
        return db.sql("""
                INSERT INTO user_view (id, email, email_normalized, name, role, is_active, timezone, invite_status,
                                       activated_at, created_at, updated_at, last_event_seq)
                VALUES (:id, :email, :norm, :name, :role, :active, :tz, :invite, :activatedAt, :at, :at, :seq)
                ON CONFLICT (id) DO NOTHING""")
                .bind("id", id).bind("email", email).bind("norm", email.toLowerCase(Locale.ROOT))
                .bind("name", name == null ? "" : name).bind("role", role).bind("active", active).bind("tz", timezone)
                .bind("invite", active ? "accepted" : "pending")
                .bind("activatedAt", Parameter.fromOrEmpty(active ? at : null, Instant.class))
                .bind("at", at).bind("seq", seq)
                .then();
    }

    public Mono<Void> updateSessionVersion(UUID id, int sessionVersion, Instant at, long seq) {
        return db.sql("""
                UPDATE user_view SET session_version = :sv, updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("sv", sessionVersion).bind("at", at).bind("seq", seq).bind("id", id)
                .then();
    }

    /** Multi-factor sign-in turned on ({@code enabledAt} set) or off ({@code null}). */
    public Mono<Void> updateMfa(UUID id, Instant enabledAt, Instant at, long seq) {
        return db.sql("""
                UPDATE user_view SET mfa_enabled = :enabled, mfa_enabled_at = :enabledAt, updated_at = :at,
                    last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("enabled", enabledAt != null).bind("enabledAt", Parameter.fromOrEmpty(enabledAt, Instant.class))
                .bind("at", at).bind("seq", seq).bind("id", id)
                .then();
    }

    public Mono<Void> updatePreferences(UUID id, String timezone, boolean criticalEmails, boolean enrollmentEmails,
                                        UUID defaultWorkspaceId, Instant at, long seq) {
        return db.sql("""
                UPDATE user_view SET timezone = :tz, critical_event_emails_enabled = :critical,
                    enrollment_emails_enabled = :enrollment, default_workspace_id = :ws, updated_at = :at,
                    last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("tz", timezone).bind("critical", criticalEmails).bind("enrollment", enrollmentEmails)
                .bind("ws", Parameter.fromOrEmpty(defaultWorkspaceId, UUID.class)).bind("at", at).bind("seq", seq)
                .bind("id", id).then();
    }

    public Mono<Void> updateInvitation(UUID id, Instant invitedAt, long seq) {
        return db.sql("""
                UPDATE user_view SET last_invited_at = :at, invite_status = 'pending', updated_at = :at,
                    last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("at", invitedAt).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> acceptInvitation(UUID id, String name, Instant at, long seq) {
        return db.sql("""
                UPDATE user_view SET name = :name, is_active = TRUE, invite_status = 'accepted', activated_at = :at,
                    updated_at = :at, last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("name", name == null ? "" : name).bind("at", at).bind("seq", seq).bind("id", id).then();
    }

    public Mono<Void> updateProfile(UUID id, String name, String role, boolean active, Instant at, long seq) {
        return db.sql("""
                UPDATE user_view SET name = :name, role = :role, is_active = :active, updated_at = :at,
                    last_event_seq = :seq
                WHERE id = :id AND last_event_seq < :seq""")
                .bind("name", name == null ? "" : name).bind("role", role).bind("active", active).bind("at", at)
                .bind("seq", seq).bind("id", id).then();
    }

    /** Removes a deleted user; applying it again, or a late event of that user, changes nothing. */
    public Mono<Void> delete(UUID id) {
        return db.sql("DELETE FROM user_view WHERE id = :id").bind("id", id).then();
    }

    public Mono<Void> deleteAll() {
        return db.sql("DELETE FROM user_view").then();
    }

    Mono<UserView> findById(UUID id) {
        return db.sql("SELECT * FROM user_view WHERE id = :id").bind("id", id).map(UserViewRepository::map).one();
    }

    Mono<UserView> findByEmail(String email) {
        return db.sql("SELECT * FROM user_view WHERE email_normalized = :e")
                .bind("e", email.trim().toLowerCase(Locale.ROOT)).map(UserViewRepository::map).one();
    }

    Flux<UserView> findAll() {
        return db.sql("SELECT * FROM user_view ORDER BY email_normalized").map(UserViewRepository::map).all();
    }

    Flux<UserView> findAssignable(UUID workspaceId) {
        return db.sql("""
                SELECT * FROM user_view u WHERE u.is_active AND u.invite_status = 'accepted'
                AND NOT EXISTS (SELECT 1 FROM workspace_membership_view m WHERE m.workspace_id = :ws AND m.user_id = u.id)
                ORDER BY u.email_normalized""")
                .bind("ws", workspaceId).map(UserViewRepository::map).all();
    }

    private static UserView map(Readable r) {
        return new UserView(r.get("id", UUID.class), r.get("email", String.class), r.get("name", String.class),
                r.get("role", String.class), Boolean.TRUE.equals(r.get("is_active", Boolean.class)),
                r.get("timezone", String.class), r.get("invite_status", String.class),
                instant(r, "last_invited_at"), instant(r, "activated_at"),
                Boolean.TRUE.equals(r.get("critical_event_emails_enabled", Boolean.class)),
                Boolean.TRUE.equals(r.get("enrollment_emails_enabled", Boolean.class)),
                r.get("session_version", Integer.class), Boolean.TRUE.equals(r.get("mfa_enabled", Boolean.class)),
                instant(r, "mfa_enabled_at"), instant(r, "created_at"), instant(r, "updated_at"),
                r.get("default_workspace_id", UUID.class));
    }

    private static Instant instant(Readable r, String column) {
        return Rows.instant(r, column);
    }
}
