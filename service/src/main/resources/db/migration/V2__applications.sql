-- Applications for certification, their evidence documents and their timeline.

CREATE TABLE application (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner_id            VARCHAR(64)  NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    level               VARCHAR(16)  NOT NULL,
    carrier_name        VARCHAR(200) NOT NULL,
    operator_name       VARCHAR(200) NOT NULL,
    credit_code         CHAR(18)     NOT NULL,
    city                CHAR(6)      NOT NULL,
    industries          VARCHAR(600) NOT NULL,
    address             VARCHAR(300) NOT NULL,
    indicators          TEXT         NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    submitted_at        DATETIME(3),
    version             INT          NOT NULL DEFAULT 0
);
CREATE INDEX ix_application_owner ON application (owner_id, status);
CREATE INDEX ix_application_city ON application (city, status);

CREATE TABLE application_document (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    type           VARCHAR(32)  NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    size           BIGINT       NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    object_key     VARCHAR(200) NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    uploaded_at    DATETIME(3)  NOT NULL,
    CONSTRAINT uk_document_object UNIQUE (object_key),
    CONSTRAINT fk_document_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_document_application ON application_document (application_id);

CREATE TABLE application_event (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT        NOT NULL,
    at             DATETIME(3)   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    action         VARCHAR(64)   NOT NULL,
    comment        VARCHAR(2000),
    CONSTRAINT fk_event_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_event_application ON application_event (application_id);
