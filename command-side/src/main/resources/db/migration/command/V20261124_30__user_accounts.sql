-- Role and active flag of every user, kept by a subscribing handler (group user-lookups) in the
-- transaction of the user's own events: the last-active-platform-admin rule counts here.
CREATE TABLE user_state (
    user_id UUID        PRIMARY KEY,
    role    VARCHAR(32) NOT NULL,
    active  BOOLEAN     NOT NULL
);

-- Until now users were only ever created: their creation event is their whole state.
INSERT INTO user_state (user_id, role, active)
SELECT aggregate_identifier::uuid, p ->> 'role', (p ->> 'active')::boolean
FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'io.nodeplane.events.user.UserCreatedEvent') created;

-- What keeps a user from being deleted: workspace memberships ('workspace', ref = workspace),
-- team memberships ('team', ref = team) and owned schedules ('schedule', ref = schedule). Kept by the
-- same subscribing handler from the workspace and schedule events.
CREATE TABLE user_assignment (
    kind         VARCHAR(16) NOT NULL,
    ref_id       UUID        NOT NULL,
    user_id      UUID        NOT NULL,
    workspace_id UUID        NOT NULL,
    PRIMARY KEY (kind, ref_id, user_id)
);
CREATE INDEX user_assignment_user ON user_assignment (user_id);
CREATE INDEX user_assignment_workspace ON user_assignment (workspace_id);

CREATE TEMPORARY TABLE ev ON COMMIT DROP AS
SELECT global_index, substring(payload_type FROM '[^.]+$') AS kind, convert_from(payload, 'UTF8')::jsonb AS p
FROM domain_event_entry
WHERE payload_type IN ('io.nodeplane.events.workspace.WorkspaceMemberAddedEvent',
                       'io.nodeplane.events.workspace.WorkspaceMemberRemovedEvent',
                       'io.nodeplane.events.workspace.TeamMemberAddedEvent',
                       'io.nodeplane.events.workspace.TeamMemberRemovedEvent',
                       'io.nodeplane.events.workspace.TeamDeletedEvent',
                       'io.nodeplane.events.workspace.WorkspaceDeletedEvent',
                       'io.nodeplane.events.schedule.ScheduleCreatedEvent',
                       'io.nodeplane.events.schedule.ScheduleDeletedEvent');

INSERT INTO user_assignment (kind, ref_id, user_id, workspace_id)
SELECT 'workspace', ws, usr, ws FROM (
    SELECT DISTINCT ON (p ->> 'workspaceId', p ->> 'userId') (p ->> 'workspaceId')::uuid AS ws,
           (p ->> 'userId')::uuid AS usr, kind
    FROM ev WHERE kind IN ('WorkspaceMemberAddedEvent', 'WorkspaceMemberRemovedEvent')
    ORDER BY p ->> 'workspaceId', p ->> 'userId', global_index DESC) last
WHERE kind = 'WorkspaceMemberAddedEvent';

INSERT INTO user_assignment (kind, ref_id, user_id, workspace_id)
SELECT 'team', team, usr, ws FROM (
    SELECT DISTINCT ON (p ->> 'teamId', p ->> 'userId') (p ->> 'teamId')::uuid AS team,
           (p ->> 'userId')::uuid AS usr, (p ->> 'workspaceId')::uuid AS ws, kind
    FROM ev WHERE kind IN ('TeamMemberAddedEvent', 'TeamMemberRemovedEvent')
    ORDER BY p ->> 'teamId', p ->> 'userId', global_index DESC) last
WHERE kind = 'TeamMemberAddedEvent'
  AND NOT EXISTS (SELECT 1 FROM ev d WHERE d.kind = 'TeamDeletedEvent' AND (d.p ->> 'teamId')::uuid = last.team);

INSERT INTO user_assignment (kind, ref_id, user_id, workspace_id)
SELECT 'schedule', (p ->> 'scheduleId')::uuid, (p ->> 'ownerUserId')::uuid, (p ->> 'workspaceId')::uuid
FROM ev c WHERE kind = 'ScheduleCreatedEvent' AND p ->> 'ownerUserId' IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM ev d WHERE d.kind = 'ScheduleDeletedEvent' AND d.p ->> 'scheduleId' = c.p ->> 'scheduleId');

DELETE FROM user_assignment a USING ev d
WHERE d.kind = 'WorkspaceDeletedEvent' AND (d.p ->> 'workspaceId')::uuid = a.workspace_id;

-- One-time links (invitations, password resets). Only an HMAC-SHA256 of each token is stored, keyed
-- by a secret derived from JWT_SECRET: the token itself is shown once, in the e-mail, and nowhere else.
CREATE TABLE user_token (
    token_hash  CHAR(64)    PRIMARY KEY,
    user_id     UUID        NOT NULL,
    purpose     VARCHAR(16) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    consumed_at TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX user_token_pending ON user_token (user_id, purpose) WHERE status = 'pending';
