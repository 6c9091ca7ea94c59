-- Teams of a workspace and their members (projections team-view and team-membership-view).
CREATE TABLE team_view (
    id             UUID         PRIMARY KEY,
    workspace_id   UUID         NOT NULL,
    name           VARCHAR(120) NOT NULL,
    description    TEXT,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    last_event_seq BIGINT       NOT NULL
);
CREATE INDEX team_view_workspace ON team_view (workspace_id);

CREATE TABLE team_membership_view (
    team_id      UUID        NOT NULL,
    user_id      UUID        NOT NULL,
    workspace_id UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_membership_view_workspace_user ON team_membership_view (workspace_id, user_id);
