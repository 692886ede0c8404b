-- The city's own review before it recommends (现场核查 and a city expert panel): each site check as the city
-- recorded it, and the members of the city's expert panel (their reviews go into expert_review, panel CITY).
CREATE TABLE site_check (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT        NOT NULL,
    check_date     DATE          NOT NULL,
    inspectors     VARCHAR(500)  NOT NULL,
    findings       VARCHAR(2000) NOT NULL,
    passed         BOOLEAN       NOT NULL,
    recorded_by    VARCHAR(64)   NOT NULL,
    recorded_at    DATETIME(3)   NOT NULL,
    CONSTRAINT fk_site_check_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_site_check_application ON site_check (application_id);

ALTER TABLE application ADD COLUMN city_experts VARCHAR(500);
