-- 在孵企业名单: one roster per carrier and year, replaced whole by a later import of the same year
CREATE TABLE tenant_roster (
    carrier_id   BIGINT       NOT NULL,
    roster_year  INT          NOT NULL,
    tenant_count INT          NOT NULL,
    imported_at  DATETIME(3)  NOT NULL,
    imported_by  VARCHAR(64)  NOT NULL,
    source       VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_tenant_roster PRIMARY KEY (carrier_id, roster_year),
    CONSTRAINT fk_tenant_roster_carrier FOREIGN KEY (carrier_id) REFERENCES carrier (id)
);

CREATE TABLE tenant_entry (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    carrier_id            BIGINT        NOT NULL,
    roster_year           INT           NOT NULL,
    line_no               INT           NOT NULL,
    credit_code           CHAR(18)      NOT NULL,
    name                  VARCHAR(200)  NOT NULL,
    founded_date          DATE          NOT NULL,
    entry_date            DATE          NOT NULL,
    industry              VARCHAR(40)   NOT NULL,
    high_tech             BOOLEAN       NOT NULL,
    investment            DECIMAL(18,2) NOT NULL,
    revenue               DECIMAL(18,2) NOT NULL,
    graduated_date        DATE,
    graduation_criterion  VARCHAR(32),
    exit_date             DATE,
    exit_reason           VARCHAR(200),
    moved_to_credit_code  CHAR(18),
    CONSTRAINT uk_tenant_entry UNIQUE (carrier_id, roster_year, credit_code),
    CONSTRAINT fk_tenant_entry_roster FOREIGN KEY (carrier_id, roster_year) REFERENCES tenant_roster (carrier_id, roster_year)
);

-- the same firm on two carriers' rosters of a year, and a firm followed across the years
CREATE INDEX ix_tenant_entry_year_code ON tenant_entry (roster_year, credit_code);
