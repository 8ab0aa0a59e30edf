-- revision: dead00000001
-- revises: 9a4c2e7b1d3f
-- message: fails on purpose
-- +upgrade
INSERT INTO no_such_table (id) VALUES (1);
-- +downgrade
