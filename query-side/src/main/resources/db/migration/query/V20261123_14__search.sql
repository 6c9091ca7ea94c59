-- Workspace search: substring and prefix matching served by trigram indexes.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX team_view_name_trgm ON team_view USING gin (lower(name) gin_trgm_ops);
CREATE INDEX user_view_name_trgm ON user_view USING gin (lower(name) gin_trgm_ops);
CREATE INDEX user_view_email_trgm ON user_view USING gin (email_normalized gin_trgm_ops);
CREATE INDEX workspace_membership_view_workspace_user ON workspace_membership_view (workspace_id, user_id);
