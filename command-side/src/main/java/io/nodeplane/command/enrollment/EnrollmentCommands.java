package io.nodeplane.command.enrollment;

import io.nodeplane.events.node.AgentInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Commands of the two ways an agent joins with operator consent: two-step enrollment and one-click
 * install tokens. Tokens travel only as their keyed lookup hash; agent tokens as sha256 and, for
 * enrollments (which hand the token out on a later poll), encrypted.
 */
public final class EnrollmentCommands {

    private EnrollmentCommands() {
    }

    /** An agent asks to join; older pending requests for the same e-mail and hostname are revoked. */
    public record InitiateEnrollmentCommand(UUID enrollmentId, String email, String hostname, AgentInfo agent,
                                            String lookupHash, Instant expiresAt) {
    }

    /**
     * An operator approves an enrollment into a workspace ({@code null}: the default workspace).
     * Answers {@link FinalizeOutcome#EXPIRED} after revoking an expired request (the caller answers 410).
     */
    public record FinalizeEnrollmentCommand(String lookupHash, String email, UUID workspaceId, UUID nodeId,
                                            String nodeName, String description, byte[] tokenSha256,
                                            byte[] agentTokenEncrypted) {
    }

    /** What a finalize did. */
    public enum FinalizeOutcome { APPROVED, EXPIRED }

    /** An operator generates a one-click install command. */
    public record CreateNodeInstallCommand(UUID installId, UUID workspaceId, UUID teamId, String nodeName,
                                           String description, String lookupHash, Instant expiresAt) {
    }

    /** The installer script reports a stage; answers the install's id. */
    public record ReportNodeInstallProgressCommand(String lookupHash, String stage, String status,
                                                   Integer progressPercent, String statusMessage) {
    }

    /** The agent's bootstrap step exchanges the install token for a node and its credential. */
    public record ConsumeNodeInstallCommand(String lookupHash, String hostname, AgentInfo agent, UUID nodeId,
                                            byte[] tokenSha256) {
    }
}
