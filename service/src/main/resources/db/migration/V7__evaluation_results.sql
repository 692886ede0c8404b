-- One provisional rating per carrier and evaluation year, confirmed (or changed with a reason) by its city.
CREATE TABLE evaluation_result (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    carrier_id     BIGINT        NOT NULL,
    eval_year      INT           NOT NULL,
    city           CHAR(6)       NOT NULL,
    score          DECIMAL(6, 2),
    rating         CHAR(1)       NOT NULL,
    proposed       CHAR(1)       NOT NULL,
    reported       BOOLEAN       NOT NULL,
    change_reason  VARCHAR(2000),
    confirmed      BOOLEAN       NOT NULL DEFAULT FALSE,
    confirmed_by   VARCHAR(64),
    rated_at       DATETIME(3)   NOT NULL,
    confirmed_at   DATETIME(3),
    CONSTRAINT uk_evaluation_result UNIQUE (carrier_id, eval_year),
    CONSTRAINT fk_result_carrier FOREIGN KEY (carrier_id) REFERENCES carrier (id)
);
CREATE INDEX ix_result_year_city ON evaluation_result (eval_year, city);
