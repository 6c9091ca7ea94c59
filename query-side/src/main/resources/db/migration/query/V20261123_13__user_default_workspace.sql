-- The workspace a user's web app opens first (PATCH /users/me/preferences).
ALTER TABLE user_view ADD COLUMN default_workspace_id UUID;
