-- revision: dddd00000002
-- revises: dddd00000001
-- message: add title to reports
-- +upgrade
ALTER TABLE reports ADD COLUMN title VARCHAR(100);
-- +downgrade
ALTER TABLE reports DROP COLUMN title;
