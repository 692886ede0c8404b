-- Each expert's completed review of an application, per panel (PROVINCE: the province's expert review; CITY: the
-- city's own, once modelled), so that the approver reads a summary (count, mean, min, max, support/oppose).
CREATE TABLE expert_review (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    panel          VARCHAR(16)  NOT NULL,
    expert         VARCHAR(64)  NOT NULL,
    score          DECIMAL(5,2) NOT NULL,
    opinion        VARCHAR(16)  NOT NULL,
    reviewed_at    DATETIME(3)  NOT NULL,
    CONSTRAINT fk_expert_review_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_expert_review_application ON expert_review (application_id);
