-- revision: dddd00000001
-- revises:
-- message: create reports
-- branch-labels: reporting
-- +upgrade
CREATE TABLE reports (id INTEGER PRIMARY KEY);
-- +downgrade
DROP TABLE reports;
