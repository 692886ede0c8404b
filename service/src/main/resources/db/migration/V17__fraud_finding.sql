-- A finding of fraud (弄虚作假) on an application: the application failed, and its operator (credit code) may not
-- submit another application until barred_until (the finding's date + parkflow.fraud-bar, two years).
CREATE TABLE fraud_finding (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    credit_code    CHAR(18)      NOT NULL,
    application_id BIGINT        NOT NULL,
    stage          VARCHAR(32)   NOT NULL,
    found_by       VARCHAR(64)   NOT NULL,
    found_at       DATETIME(3)   NOT NULL,
    comment        VARCHAR(2000) NOT NULL,
    barred_until   DATE          NOT NULL,
    CONSTRAINT fk_fraud_finding_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_fraud_finding_credit_code ON fraud_finding (credit_code, barred_until);
