-- Change reports (变更备案): an operator reports a change of its carrier's name, operator, area or site with the
-- date it took effect and evidence; the city checks it, the province confirms it, and the registry takes the new
-- values (the carrier's history keeps the old). A report more than parkflow.change-report-period after the change
-- is accepted but flagged late. A finding of fraud in the city's check bars the operator and goes to the approver,
-- who may revoke the carrier.
CREATE TABLE carrier_change (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    carrier_id          BIGINT        NOT NULL,
    type                VARCHAR(16)   NOT NULL,
    effective_date      DATE          NOT NULL,
    old_values          VARCHAR(2000) NOT NULL,
    new_values          VARCHAR(2000) NOT NULL,
    reason              VARCHAR(2000) NOT NULL,
    reported_by         VARCHAR(64)   NOT NULL,
    reported_at         DATETIME(3)   NOT NULL,
    late                BOOLEAN       NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    outcome             VARCHAR(2000),
    decided_at          DATETIME(3),
    process_instance_id VARCHAR(64),
    CONSTRAINT fk_carrier_change_carrier FOREIGN KEY (carrier_id) REFERENCES carrier (id)
);
CREATE INDEX ix_carrier_change_carrier ON carrier_change (carrier_id, status);

-- a finding of fraud may come from a change report rather than an application
ALTER TABLE fraud_finding MODIFY application_id BIGINT NULL;
ALTER TABLE fraud_finding ADD COLUMN change_id BIGINT;
