-- Certificates (认定证书): a certification's certificate PDF is issued once, kept in the document store as issued and
-- served from there; its SHA-256 is published on the registry page, so the holder of a copy can check it is genuine.
ALTER TABLE certification ADD COLUMN certificate_sha256 CHAR(64);
ALTER TABLE certification ADD COLUMN certificate_issued_at DATETIME(3);

-- The publication notice (公示) prints each carrier's period from its first day.
ALTER TABLE application ADD COLUMN publication_start DATETIME(3);
