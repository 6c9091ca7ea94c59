package io.nodeplane.command.user;

import io.nodeplane.events.user.UserRole;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of the account lifecycle: invitations, admin changes, deletion and passwords. One-time
 * tokens are created by the caller, which keeps the token for its e-mail and passes only its hash
 * ({@code tokenHash}, see {@link UserTokens}); passwords arrive bcrypt-hashed. Neither is ever printed.
 */
public final class UserAccountCommands {

    private UserAccountCommands() {
    }

    /** The answer of a command that issued a link: where to send it and until when it works. */
    public record IssuedLink(UUID userId, String email, String name, Instant expiresAt) {
    }

    /** Create a pending (inactive) user and issue their activation link. */
    public record InviteUserCommand(@TargetAggregateIdentifier UUID userId, String email, String name, UserRole role,
                                    String tokenHash) {
        @Override
        public String toString() {
            return "InviteUserCommand[userId=" + userId + ", email=" + email + ", role=" + role + "]";
        }
    }

    /** Issue a new activation link to a pending user; every earlier link stops working. */
    public record ResendInvitationCommand(@TargetAggregateIdentifier UUID userId, String tokenHash) {
        @Override
        public String toString() {
            return "ResendInvitationCommand[userId=" + userId + "]";
        }
    }

    /** Redeem an activation link: the user becomes active with this password. Answers the user's id. */
    public record AcceptInvitationCommand(String tokenHash, String name, String passwordHash) {
        @Override
        public String toString() {
            return "AcceptInvitationCommand[name=" + name + "]";
        }
    }

    /** A platform admin changes a user; {@code null} keeps a field as it is. */
    public record UpdateUserCommand(@TargetAggregateIdentifier UUID userId, String name, UserRole role, Boolean active) {
    }

    /** Delete a user that has no memberships and owns no schedule. */
    public record DeleteUserCommand(@TargetAggregateIdentifier UUID userId) {
    }

    /**
     * Issue a password reset link when {@code email} belongs to an active user. Answers the issued link,
     * or {@code null} (nothing stored) when there is no such user.
     */
    public record RequestPasswordResetCommand(String email, String tokenHash) {
        @Override
        public String toString() {
            return "RequestPasswordResetCommand[email=" + email + "]";
        }
    }

    /** Redeem a reset link with a new password. Answers the user's id. */
    public record ResetPasswordCommand(String tokenHash, String passwordHash) {
        @Override
        public String toString() {
            return "ResetPasswordCommand";
        }
    }

    /** The signed-in user changes their password (the caller has checked the current one). */
    public record ChangePasswordCommand(@TargetAggregateIdentifier UUID userId, String passwordHash) {
        @Override
        public String toString() {
            return "ChangePasswordCommand[userId=" + userId + "]";
        }
    }
}
