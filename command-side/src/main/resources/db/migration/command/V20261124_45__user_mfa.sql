-- TOTP multi-factor sign-in, apart from the event store. Secrets are AES-256-GCM boxes (nonce, then
-- ciphertext and tag) made by the API with SECRETS_ENCRYPTION_KEY; the database never sees a plain one.
-- last_step is the newest accepted RFC 6238 time step: a code of that step or an older one is a replay.
CREATE TABLE user_mfa (
    user_id          UUID        PRIMARY KEY,
    pending_setup_id UUID,
    pending_secret   BYTEA,
    secret           BYTEA,
    enabled_at       TIMESTAMPTZ,
    last_step        BIGINT      NOT NULL DEFAULT -1
);

-- Recovery codes, only as HMAC-SHA256 hashes; a used code keeps its row (used_at) and never works again.
CREATE TABLE user_mfa_recovery_code (
    user_id   UUID        NOT NULL,
    code_hash CHAR(64)    NOT NULL,
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);
