-- The national track: the province recommends (with a grade under the 2025 rules), the ministry decides.
-- On the application: the recommendation and the ministry's decision; on the registry's certification: the grade,
-- the ministry's document number and, for 卓越级, the date of its 3-year re-check.
ALTER TABLE application ADD COLUMN national_grade VARCHAR(16);
ALTER TABLE application ADD COLUMN recommended_at DATETIME(3);
ALTER TABLE application ADD COLUMN ministry_approved BOOLEAN;
ALTER TABLE application ADD COLUMN ministry_document VARCHAR(100);
ALTER TABLE application ADD COLUMN ministry_decided_on DATE;
CREATE INDEX ix_application_recommended ON application (recommended_at);

ALTER TABLE certification ADD COLUMN grade VARCHAR(16);
ALTER TABLE certification ADD COLUMN document_number VARCHAR(100);
ALTER TABLE certification ADD COLUMN recheck_due DATE;
