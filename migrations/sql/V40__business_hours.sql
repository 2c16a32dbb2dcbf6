-- Business hours (issue 20, item 2): each department may keep a weekly schedule on its own clock
-- and a list of holidays. A department without a row here is open around the clock, as every
-- department was before.

CREATE TABLE department_hours (
    department_id uuid PRIMARY KEY REFERENCES departments (id) ON DELETE CASCADE,
    -- an IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
    time_zone     varchar(64) NOT NULL,
    -- {"monday": ["08:00-12:00", "13:00-16:00"], ...}: the shifts of each day on that clock,
    -- sorted and not overlapping; a day that is not listed is closed
    schedule      jsonb       NOT NULL,
    -- [{"date": "2026-12-25", "name": "Hari Raya Natal"}, ...]: whole days closed
    holidays      jsonb       NOT NULL DEFAULT '[]',
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The wait the analytics count (docs/API.md, "The measures"): the time between the start and the
-- first assignment during which the department was open, in seconds. Written at the first
-- assignment of a session of a department that has opening hours; null otherwise, and then the
-- wait is assigned_at - started_at (a department without hours is always open).
ALTER TABLE chat_sessions ADD COLUMN open_wait_seconds double precision;
