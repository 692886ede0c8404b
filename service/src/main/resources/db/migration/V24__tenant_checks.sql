-- 在孵企业名单 in use: the roster whose figures rated a carrier, reviewers' verdicts on a firm found on two rosters,
-- and the indexes that follow a firm across carriers and years.
ALTER TABLE evaluation_result ADD COLUMN roster_year INT NULL;
ALTER TABLE evaluation_result ADD COLUMN roster_differences VARCHAR(500) NULL;

CREATE TABLE tenant_duplicate_review (
    roster_year   INT           NOT NULL,
    credit_code   CHAR(18)      NOT NULL,
    first_carrier BIGINT        NOT NULL,
    second_carrier BIGINT       NOT NULL,
    explained     BOOLEAN       NOT NULL,
    note          VARCHAR(1000) NOT NULL,
    reviewed_by   VARCHAR(64)   NOT NULL,
    reviewed_at   DATETIME(3)   NOT NULL,
    CONSTRAINT pk_tenant_duplicate_review PRIMARY KEY (roster_year, credit_code, first_carrier, second_carrier)
);

CREATE INDEX ix_tenant_entry_code ON tenant_entry (credit_code, carrier_id);
CREATE INDEX ix_tenant_entry_entered ON tenant_entry (entry_date, credit_code);
