-- Benchmark selection from the deadline on: city recommendations, expert score sheets, the province
-- ranking and the approver's changes, objections during publication, and the dossiers' documents.

ALTER TABLE benchmark_campaign ADD COLUMN publication_end DATETIME(3);

ALTER TABLE benchmark_application ADD COLUMN city_rank INT;
ALTER TABLE benchmark_application ADD COLUMN experts VARCHAR(500);
ALTER TABLE benchmark_application ADD COLUMN province_rank INT;
ALTER TABLE benchmark_application ADD COLUMN score DECIMAL(6, 2);
ALTER TABLE benchmark_application ADD COLUMN proposed BOOLEAN;
ALTER TABLE benchmark_application ADD COLUMN updated_at DATETIME(3);

CREATE TABLE benchmark_score (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id         BIGINT        NOT NULL,
    expert                 VARCHAR(64)   NOT NULL,
    future_fit             INT           NOT NULL,
    incubation_performance INT           NOT NULL,
    professional_services  INT           NOT NULL,
    investment             INT           NOT NULL,
    chain_completeness     INT           NOT NULL,
    total                  DECIMAL(6, 2) NOT NULL,
    comment                VARCHAR(2000),
    scored_at              DATETIME(3)   NOT NULL,
    CONSTRAINT uk_benchmark_score UNIQUE (application_id, expert),
    CONSTRAINT fk_bscore_application FOREIGN KEY (application_id) REFERENCES benchmark_application (id)
);

-- every change the approver made to the proposed list, with its reason
CREATE TABLE benchmark_change (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id    BIGINT        NOT NULL,
    application_id BIGINT        NOT NULL,
    action         VARCHAR(16)   NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    changed_at     DATETIME(3)   NOT NULL,
    CONSTRAINT fk_bchange_campaign FOREIGN KEY (campaign_id) REFERENCES benchmark_campaign (id),
    CONSTRAINT fk_bchange_application FOREIGN KEY (application_id) REFERENCES benchmark_application (id)
);
CREATE INDEX ix_bchange_campaign ON benchmark_change (campaign_id);

CREATE TABLE benchmark_objection (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id    BIGINT        NOT NULL,
    application_id BIGINT        NOT NULL,
    objector_name  VARCHAR(100)  NOT NULL,
    contact        VARCHAR(100)  NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    received_at    DATETIME(3)   NOT NULL,
    upheld         BOOLEAN,
    reply          VARCHAR(2000),
    decided_by     VARCHAR(64),
    decided_at     DATETIME(3),
    CONSTRAINT fk_bobjection_application FOREIGN KEY (application_id) REFERENCES benchmark_application (id)
);
CREATE INDEX ix_bobjection_campaign ON benchmark_objection (campaign_id);

CREATE TABLE benchmark_document (
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
    CONSTRAINT uk_bdocument_object UNIQUE (object_key),
    CONSTRAINT fk_bdocument_application FOREIGN KEY (application_id) REFERENCES benchmark_application (id)
);
