-- Workspace search. Prefix matches come first, in name order, straight from "C"-collated b-tree
-- indexes (which serve both LIKE 'q%' and the ORDER BY, so a LIMIT stops early); substring matches
-- come from trigram indexes. pg_trgm is a trusted extension (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX team_view_name_prefix ON team_view (workspace_id, (lower(name) COLLATE "C"));
CREATE INDEX team_view_name_trgm ON team_view USING gin (lower(name) gin_trgm_ops);
CREATE INDEX user_view_name_prefix ON user_view ((lower(name) COLLATE "C"));
CREATE INDEX user_view_email_prefix ON user_view ((email_normalized COLLATE "C"));
CREATE INDEX user_view_name_trgm ON user_view USING gin (lower(name) gin_trgm_ops);
CREATE INDEX user_view_email_trgm ON user_view USING gin (email_normalized gin_trgm_ops);
CREATE UNIQUE INDEX workspace_membership_view_workspace_user ON workspace_membership_view (workspace_id, user_id);
