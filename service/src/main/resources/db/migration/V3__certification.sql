-- Certification workflow state on the application, and objections during publication.

ALTER TABLE application ADD COLUMN rule_set VARCHAR(40);
ALTER TABLE application ADD COLUMN eligible BOOLEAN;
ALTER TABLE application ADD COLUMN failed_criteria TEXT;
ALTER TABLE application ADD COLUMN experts VARCHAR(500);
ALTER TABLE application ADD COLUMN publication_end DATETIME(3);
ALTER TABLE application ADD COLUMN certification_number VARCHAR(40);
ALTER TABLE application ADD COLUMN carrier_id BIGINT;

-- at most one open (submitted, not yet decided) application per operator, carrier and kind
ALTER TABLE application ADD COLUMN open_key VARCHAR(300);
CREATE UNIQUE INDEX uk_application_open ON application (open_key);

CREATE TABLE objection (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT        NOT NULL,
    objector_name  VARCHAR(100)  NOT NULL,
    contact        VARCHAR(100)  NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    received_at    DATETIME(3)   NOT NULL,
    upheld         BOOLEAN,
    reply          VARCHAR(2000),
    decided_by     VARCHAR(64),
    decided_at     DATETIME(3),
    CONSTRAINT fk_objection_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_objection_application ON objection (application_id);
