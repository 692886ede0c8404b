-- The park registry: carriers, their certifications, titles and yearly evaluations, and an audit trail.
-- Portable between MySQL 8.4 / MariaDB 11 and H2 (MODE=MySQL). The database's default charset is utf8mb4.

CREATE TABLE carrier (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    credit_code      CHAR(18)     NOT NULL,
    operator_name    VARCHAR(200) NOT NULL,
    name             VARCHAR(200) NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    level            VARCHAR(16)  NOT NULL,
    city             CHAR(6)      NOT NULL,
    address          VARCHAR(300) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    version          INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_carrier_identity UNIQUE (credit_code, kind, name)
);
CREATE INDEX ix_carrier_city ON carrier (city, kind, level, status);
CREATE INDEX ix_carrier_name ON carrier (name);

CREATE TABLE carrier_industry (
    carrier  BIGINT      NOT NULL,
    industry VARCHAR(32) NOT NULL,
    PRIMARY KEY (carrier, industry),
    CONSTRAINT fk_carrier_industry FOREIGN KEY (carrier) REFERENCES carrier (id) ON DELETE CASCADE
);
CREATE INDEX ix_carrier_industry ON carrier_industry (industry);

CREATE TABLE certification (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    carrier_id     BIGINT      NOT NULL,
    number         VARCHAR(40) NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    level          VARCHAR(16) NOT NULL,
    rule_set       VARCHAR(40) NOT NULL,
    valid_from     DATE        NOT NULL,
    valid_until    DATE,
    application_id BIGINT,
    status         VARCHAR(16) NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    CONSTRAINT uk_certification_number UNIQUE (number),
    CONSTRAINT fk_certification_carrier FOREIGN KEY (carrier_id) REFERENCES carrier (id)
);
CREATE INDEX ix_certification_carrier ON certification (carrier_id);

CREATE TABLE carrier_title (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    carrier_id  BIGINT       NOT NULL,
    title       VARCHAR(32)  NOT NULL,
    source      VARCHAR(100),
    valid_from  DATE         NOT NULL,
    valid_until DATE         NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT fk_title_carrier FOREIGN KEY (carrier_id) REFERENCES carrier (id)
);
CREATE INDEX ix_title_carrier ON carrier_title (carrier_id, title);

CREATE TABLE evaluation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    carrier_id  BIGINT       NOT NULL,
    eval_year   INT          NOT NULL,
    rating      CHAR(1)      NOT NULL,
    score       DECIMAL(6,2),
    remark      VARCHAR(500),
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uk_evaluation UNIQUE (carrier_id, eval_year),
    CONSTRAINT fk_evaluation_carrier FOREIGN KEY (carrier_id) REFERENCES carrier (id)
);

-- Who changed what in the registry, when and why: never updated, never deleted.
CREATE TABLE audit_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at          DATETIME(3)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    entity_type VARCHAR(32)  NOT NULL,
    entity_id   BIGINT       NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    detail      VARCHAR(1000)
);
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id);

-- Running numbers for certification numbers, one row per prefix (level, kind, year).
CREATE TABLE certification_sequence (
    prefix     VARCHAR(32) PRIMARY KEY,
    next_value INT         NOT NULL
);
