-- revision: 7c9e2d4b1a08
-- revises: 3f2a9c1b7d4e
-- message: add indexes
-- +upgrade
CREATE INDEX ix_tasks_priority ON tasks (priority, created_at);
CREATE INDEX ix_tasks_project ON tasks (project_id);
CREATE INDEX ix_projects_owner ON projects (owner_id);
-- +downgrade
DROP INDEX ix_projects_owner;
DROP INDEX ix_tasks_project;
DROP INDEX ix_tasks_priority;
