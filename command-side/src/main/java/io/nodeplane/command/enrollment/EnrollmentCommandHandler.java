package io.nodeplane.command.enrollment;

import static io.nodeplane.command.support.CommandRejectedException.notFound;

import io.nodeplane.command.enrollment.EnrollmentCommands.ConsumeNodeInstallCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.CreateNodeInstallCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.FinalizeEnrollmentCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.FinalizeOutcome;
import io.nodeplane.command.enrollment.EnrollmentCommands.InitiateEnrollmentCommand;
import io.nodeplane.command.enrollment.EnrollmentCommands.ReportNodeInstallProgressCommand;
import io.nodeplane.command.node.NodeRegistrar;
import io.nodeplane.command.node.NodeRegistrar.Registration;
import io.nodeplane.command.support.BootstrapTokens;
import io.nodeplane.command.support.UniqueKeys;
import io.nodeplane.command.workspace.WorkspaceDirectory;
import io.nodeplane.events.enrollment.EnrollmentInitiatedEvent;
import io.nodeplane.events.enrollment.NodeInstallCreatedEvent;
import io.nodeplane.events.node.NodeRegistrationSource;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Enrollment and install decisions. Each one that creates a node does it in the same unit of work
 * (hostname claim, credential, node events, enrollment events commit together or not at all).
 */
@Component
class EnrollmentCommandHandler {

    private final Repository<Enrollment> enrollments;
    private final Repository<NodeInstall> installs;
    private final BootstrapTokens tokens;
    private final UniqueKeys uniqueKeys;
    private final NodeRegistrar registrar;
    private final WorkspaceDirectory workspaces;
    private final Clock clock;

    EnrollmentCommandHandler(Repository<Enrollment> enrollments, Repository<NodeInstall> installs,
                             BootstrapTokens tokens, UniqueKeys uniqueKeys, NodeRegistrar registrar,
                             WorkspaceDirectory workspaces, Clock clock) {
        this.enrollments = enrollments;
        this.installs = installs;
        this.tokens = tokens;
        this.uniqueKeys = uniqueKeys;
        this.registrar = registrar;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @CommandHandler
    void handle(InitiateEnrollmentCommand c) throws Exception {
        UUID previous = uniqueKeys.transfer(UniqueKeys.PENDING_ENROLLMENT, pendingKey(c.email(), c.hostname()),
                c.enrollmentId());
        if (previous != null) {
            enrollments.load(previous.toString()).execute(e -> e.revoke("superseded"));
        }
        tokens.store(c.lookupHash(), BootstrapTokens.ENROLLMENT, c.enrollmentId());
        enrollments.newInstance(() -> new Enrollment(new EnrollmentInitiatedEvent(c.enrollmentId(), c.email().trim(),
                c.hostname().trim(), c.agent(), c.expiresAt())));
    }

    @CommandHandler
    FinalizeOutcome handle(FinalizeEnrollmentCommand c) throws Exception {
        UUID id = tokens.ownerOf(c.lookupHash(), BootstrapTokens.ENROLLMENT).orElseThrow(EnrollmentCommandHandler::unknown);
        Aggregate<Enrollment> enrollment = enrollments.load(id.toString());
        if (!enrollment.invoke(e -> e.email().equalsIgnoreCase(c.email().trim()))) {
            throw unknown(); // same answer as an unknown token: the token alone proves nothing
        }
        enrollment.execute(Enrollment::requireApprovable);
        if (enrollment.invoke(e -> e.isExpired(clock.instant()))) {
            enrollment.execute(e -> e.revoke("expired"));
            releasePending(enrollment, id);
            return FinalizeOutcome.EXPIRED;
        }
        UUID workspaceId = c.workspaceId() == null ? workspaces.defaultWorkspace() : c.workspaceId();
        workspaces.requireWritable(workspaceId);
        registrar.register(new Registration(c.nodeId(), workspaceId, c.nodeName(), c.description(),
                enrollment.invoke(Enrollment::hostname), null, enrollment.invoke(Enrollment::agent), NodeRegistrationSource.ENROLLMENT, false,
                c.tokenSha256()));
        enrollment.execute(e -> e.approve(workspaceId, c.nodeId(), c.nodeName().trim()));
        releasePending(enrollment, id);
        tokens.attachAgentToken(id, c.agentTokenEncrypted());
        return FinalizeOutcome.APPROVED;
    }

    @CommandHandler
    void handle(CreateNodeInstallCommand c) throws Exception {
        workspaces.requireWritable(c.workspaceId());
        if (c.teamId() != null) {
            workspaces.requireTeam(c.workspaceId(), c.teamId());
        }
        tokens.store(c.lookupHash(), BootstrapTokens.NODE_INSTALL, c.installId());
        installs.newInstance(() -> new NodeInstall(new NodeInstallCreatedEvent(c.installId(), c.workspaceId(), c.teamId(),
                c.nodeName().trim(), c.description() == null || c.description().isBlank() ? null : c.description().trim(),
                c.expiresAt())));
    }

    @CommandHandler
    UUID handle(ReportNodeInstallProgressCommand c) {
        UUID id = tokens.ownerOf(c.lookupHash(), BootstrapTokens.NODE_INSTALL).orElseThrow(EnrollmentCommandHandler::unknownInstall);
        String status = c.status() != null ? c.status() : "failed".equals(c.stage()) ? "failed" : "installing";
        int percent = c.progressPercent() == null ? 0 : c.progressPercent();
        installs.load(id.toString()).execute(i -> i.progress(c.stage(), status, percent, c.statusMessage(), clock.instant()));
        return id;
    }

    @CommandHandler
    UUID handle(ConsumeNodeInstallCommand c) throws Exception {
        UUID id = tokens.ownerOf(c.lookupHash(), BootstrapTokens.NODE_INSTALL).orElseThrow(EnrollmentCommandHandler::unknownInstall);
        Aggregate<NodeInstall> install = installs.load(id.toString());
        install.execute(i -> i.requireConsumable(clock.instant()));
        UUID workspaceId = install.invoke(NodeInstall::workspaceId);
        workspaces.requireWritable(workspaceId);
        registrar.register(new Registration(c.nodeId(), workspaceId, install.invoke(NodeInstall::nodeName),
                install.invoke(NodeInstall::description), c.hostname(), install.invoke(NodeInstall::teamId), c.agent(),
                NodeRegistrationSource.NODE_INSTALL, false, c.tokenSha256()));
        install.execute(i -> i.consume(c.nodeId(), c.hostname().trim(), clock.instant()));
        return id;
    }

    private void releasePending(Aggregate<Enrollment> enrollment, UUID id) {
        uniqueKeys.release(UniqueKeys.PENDING_ENROLLMENT, enrollment.invoke(e -> pendingKey(e.email(), e.hostname())), id);
    }

    /** The one pending enrollment per e-mail and hostname, both ignoring case. */
    private static String pendingKey(String email, String hostname) {
        return email.trim().toLowerCase(Locale.ROOT) + "|" + hostname.trim().toLowerCase(Locale.ROOT);
    }

    private static RuntimeException unknown() {
        return notFound("ENROLLMENT_NOT_FOUND", "Enrollment not found");
    }

    private static RuntimeException unknownInstall() {
        return notFound("NODE_INSTALL_NOT_FOUND", "Bootstrap token not found");
    }
}
