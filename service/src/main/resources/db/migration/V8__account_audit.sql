-- Account audit trail: failed and interactive logins, lockouts, unlocks, throttled client addresses
-- and account changes (who, what, when, from which address). Never cleaned.
CREATE TABLE account_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at          DATETIME(3)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    actor       VARCHAR(64),
    address     VARCHAR(64),
    detail      VARCHAR(500)
);
CREATE INDEX account_event_user ON account_event (user_id, at);
