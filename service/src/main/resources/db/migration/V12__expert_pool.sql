-- The province's expert pool (专家库): who an expert is beyond the engine's account, what they know
-- (industries, for drawing by specialty) and whom they must never review (home city, employer,
-- declared conflicts). The account itself lives in the engine's identity tables; a deactivated
-- expert keeps its row (earlier reviews name it) but is drawn no more.
CREATE TABLE expert (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    username              VARCHAR(64)  NOT NULL,
    display_name          VARCHAR(50)  NOT NULL,
    home_city             CHAR(6),
    employer_name         VARCHAR(200),
    employer_credit_code  CHAR(18),
    title                 VARCHAR(50),
    email                 VARCHAR(100),
    mobile                VARCHAR(11),
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by            VARCHAR(64)  NOT NULL,
    created_at            DATETIME(3)  NOT NULL,
    updated_by            VARCHAR(64),
    updated_at            DATETIME(3),
    version               INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_expert_username UNIQUE (username)
);
CREATE INDEX ix_expert_city ON expert (home_city, active);
CREATE INDEX ix_expert_employer ON expert (employer_credit_code);

CREATE TABLE expert_industry (
    expert_id  BIGINT      NOT NULL,
    industry   VARCHAR(32) NOT NULL,
    PRIMARY KEY (expert_id, industry),
    CONSTRAINT fk_expert_industry FOREIGN KEY (expert_id) REFERENCES expert (id) ON DELETE CASCADE
);

-- operators (统一社会信用代码) the expert has declared it must never review
CREATE TABLE expert_conflict (
    expert_id    BIGINT   NOT NULL,
    credit_code  CHAR(18) NOT NULL,
    PRIMARY KEY (expert_id, credit_code),
    CONSTRAINT fk_expert_conflict FOREIGN KEY (expert_id) REFERENCES expert (id) ON DELETE CASCADE
);
CREATE INDEX ix_expert_conflict_code ON expert_conflict (credit_code);
