-- Set-validation lookups, written in the same transaction as the events they guard.
CREATE TABLE unique_key (
    scope    VARCHAR(64)  NOT NULL,
    key      VARCHAR(320) NOT NULL,
    owner_id UUID         NOT NULL,
    PRIMARY KEY (scope, key)
);

-- Password hashes live here, never in events: the event store is immutable and readable by
-- auditors. A replay of the event store therefore does not restore passwords (by design).
CREATE TABLE user_credential (
    user_id       UUID         PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
