-- revision: eeee00000002
-- revises: eeee00000001
-- message: fill jobs slowly
-- dialect: postgresql
-- transactional: false
-- +upgrade
INSERT INTO jobs (id) VALUES (1);
SELECT pg_sleep(300);
-- +downgrade
DELETE FROM jobs;
