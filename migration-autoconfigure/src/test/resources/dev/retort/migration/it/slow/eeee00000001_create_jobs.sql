-- revision: eeee00000001
-- revises:
-- message: create jobs
-- +upgrade
CREATE TABLE jobs (id INTEGER PRIMARY KEY);
-- +downgrade
DROP TABLE jobs;
