-- Root access (contract §2.1): the profile owners/admins choose, and what the agent last reported
-- applying (filled in once agents report it: task claims and agent.auth).
ALTER TABLE node_view
    ADD COLUMN root_access_profile            VARCHAR(32) NOT NULL DEFAULT 'off',
    ADD COLUMN root_access_applied_profile    VARCHAR(32),
    ADD COLUMN root_access_sync_status        VARCHAR(16) NOT NULL DEFAULT 'pending',
    ADD COLUMN root_access_updated_at         TIMESTAMPTZ,
    ADD COLUMN root_access_updated_by_user_id UUID,
    ADD COLUMN root_access_last_applied_at    TIMESTAMPTZ,
    ADD COLUMN root_access_last_error         TEXT;
