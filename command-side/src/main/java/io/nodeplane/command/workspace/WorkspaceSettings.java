package io.nodeplane.command.workspace;

import static io.nodeplane.command.support.CommandRejectedException.badRequest;

import io.nodeplane.events.workspace.WorkspaceUpdatedEvent.Settings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** Validation of a workspace's editable settings. */
final class WorkspaceSettings {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private WorkspaceSettings() {
    }

    /** Checks and normalises settings; a {@code null} zone means UTC. */
    static Settings validate(String name, String slug, String zone) {
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw badRequest("WORKSPACE_NAME_INVALID", "name is required (at most 200 characters)");
        }
        if (slug == null || slug.length() > 64 || !SLUG.matcher(slug).matches()) {
            throw badRequest("WORKSPACE_SLUG_INVALID",
                    "slug must be lower-case letters, digits and single dashes (at most 64 characters)");
        }
        String timezone = zone == null ? "UTC" : zone;
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw badRequest("WORKSPACE_TIMEZONE_INVALID", "defaultTimezone must be an IANA time zone");
        }
        return new Settings(name.trim(), slug, timezone);
    }
}
