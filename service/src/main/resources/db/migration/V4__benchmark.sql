-- Competitive selection of benchmark incubators (标杆孵化器遴选): campaigns, quotas, applications.

CREATE TABLE benchmark_campaign (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_year       INT          NOT NULL,
    title               VARCHAR(200) NOT NULL,
    total_quota         INT          NOT NULL,
    deadline            DATETIME(3)  NOT NULL,
    term_years          INT          NOT NULL,
    stage               VARCHAR(32)  NOT NULL,
    process_instance_id VARCHAR(64),
    created_by          VARCHAR(64)  NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    version             INT          NOT NULL DEFAULT 0
);

CREATE TABLE benchmark_city_quota (
    campaign_id BIGINT  NOT NULL,
    city        CHAR(6) NOT NULL,
    quota       INT     NOT NULL,
    PRIMARY KEY (campaign_id, city),
    CONSTRAINT fk_quota_campaign FOREIGN KEY (campaign_id) REFERENCES benchmark_campaign (id) ON DELETE CASCADE
);

CREATE TABLE benchmark_application (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    campaign_id  BIGINT       NOT NULL,
    carrier_id   BIGINT       NOT NULL,
    applicant_id VARCHAR(64)  NOT NULL,
    city         CHAR(6)      NOT NULL,
    indicators   TEXT         NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    applied_at   DATETIME(3)  NOT NULL,
    CONSTRAINT uk_benchmark_application UNIQUE (campaign_id, carrier_id),
    CONSTRAINT fk_bapp_campaign FOREIGN KEY (campaign_id) REFERENCES benchmark_campaign (id)
);
CREATE INDEX ix_bapp_campaign_city ON benchmark_application (campaign_id, city);
