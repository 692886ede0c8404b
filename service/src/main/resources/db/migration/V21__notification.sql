-- Notifications (消息中心): every notice to a user lands in its inbox (read / unread), and each channel that reaches
-- the user (e-mail to the account's address, SMS to its mobile) gets a row in the outbox, written in the same
-- transaction as the business step that caused it. An asynchronous sender delivers the outbox and retries a failed
-- delivery for as long as it takes, so an outage of the mail server delays mail but never loses it and never fails
-- the business step; a claim with a lease keeps two nodes from sending one row twice.
CREATE TABLE notification (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient   VARCHAR(64)   NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    link        VARCHAR(500),
    created_at  DATETIME(3)   NOT NULL,
    read_at     DATETIME(3)
);
CREATE INDEX ix_notification_recipient ON notification (recipient, id);

CREATE TABLE notification_outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    notification_id BIGINT        NOT NULL,
    channel         VARCHAR(8)    NOT NULL,
    address         VARCHAR(320)  NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(3)   NOT NULL,
    claimed_until   DATETIME(3),
    last_error      VARCHAR(1000),
    sent_at         DATETIME(3),
    CONSTRAINT fk_notification_outbox_notification FOREIGN KEY (notification_id) REFERENCES notification (id)
);
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
