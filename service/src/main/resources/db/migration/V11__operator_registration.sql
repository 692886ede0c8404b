-- Operators register themselves (苗圃—孵化—育成—加速 carriers' operating companies); their city verifies the
-- business licence and approves or rejects. The account itself lives in the engine's identity tables.
CREATE TABLE operator_registration (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(50)  NOT NULL,
    operator_name  VARCHAR(200) NOT NULL,
    credit_code    CHAR(18)     NOT NULL,
    city           CHAR(6)      NOT NULL,
    mobile         VARCHAR(11)  NOT NULL,
    email          VARCHAR(100) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    reason         VARCHAR(500),
    registered_at  DATETIME(3)  NOT NULL,
    decided_by     VARCHAR(64),
    decided_at     DATETIME(3),
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_registration_username UNIQUE (username)
);
CREATE INDEX ix_registration_city ON operator_registration (city, status);
CREATE INDEX ix_registration_operator ON operator_registration (credit_code);
