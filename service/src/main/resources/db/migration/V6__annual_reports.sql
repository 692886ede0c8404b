-- Annual re-evaluation: the yearly report of each carrier (imported torch statistics or filed by
-- the operator), one per carrier and year, and the evaluation runs.

CREATE TABLE annual_report (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    carrier_id  BIGINT        NOT NULL,
    report_year INT           NOT NULL,
    indicators  TEXT          NOT NULL,
    source      VARCHAR(16)   NOT NULL,
    narrative   VARCHAR(4000),
    filed_by    VARCHAR(64)   NOT NULL,
    filed_at    DATETIME(3)   NOT NULL,
    CONSTRAINT uk_annual_report UNIQUE (carrier_id, report_year),
    CONSTRAINT fk_report_carrier FOREIGN KEY (carrier_id) REFERENCES carrier (id)
);
CREATE INDEX ix_report_year ON annual_report (report_year);

CREATE TABLE evaluation_run (
    eval_year           INT         PRIMARY KEY,
    process_instance_id VARCHAR(64),
    started_by          VARCHAR(64) NOT NULL,
    started_at          DATETIME(3) NOT NULL,
    finished_at         DATETIME(3)
);
