-- revision: 9a4c2e7b1d3f
-- revises: 7c8d9e0f1a2b
-- message: created_at with time zone
-- created: 2026-12-02T00:13:39Z
-- dialect: postgresql
-- +upgrade
-- CAUTION: TIMESTAMP -> TIMESTAMP_TZ(6) reads the existing values of agents.created_at in the session's time zone; set it (SET TIME ZONE 'UTC') if they were stored in another
ALTER TABLE "agents" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE USING "created_at"::TIMESTAMP(6) WITH TIME ZONE;
-- CAUTION: TIMESTAMP -> TIMESTAMP_TZ(6) reads the existing values of projects.created_at in the session's time zone; set it (SET TIME ZONE 'UTC') if they were stored in another
ALTER TABLE "projects" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE USING "created_at"::TIMESTAMP(6) WITH TIME ZONE;
-- CAUTION: TIMESTAMP -> TIMESTAMP_TZ(6) reads the existing values of tasks.created_at in the session's time zone; set it (SET TIME ZONE 'UTC') if they were stored in another
ALTER TABLE "tasks" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE USING "created_at"::TIMESTAMP(6) WITH TIME ZONE;
-- CAUTION: TIMESTAMP -> TIMESTAMP_TZ(6) reads the existing values of users.created_at in the session's time zone; set it (SET TIME ZONE 'UTC') if they were stored in another
ALTER TABLE "users" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE USING "created_at"::TIMESTAMP(6) WITH TIME ZONE;
-- +downgrade
ALTER TABLE "users" ALTER COLUMN "created_at" TYPE TIMESTAMP USING "created_at"::TIMESTAMP;
ALTER TABLE "tasks" ALTER COLUMN "created_at" TYPE TIMESTAMP USING "created_at"::TIMESTAMP;
ALTER TABLE "projects" ALTER COLUMN "created_at" TYPE TIMESTAMP USING "created_at"::TIMESTAMP;
ALTER TABLE "agents" ALTER COLUMN "created_at" TYPE TIMESTAMP USING "created_at"::TIMESTAMP;
