-- The workshop (车间): lines started and finished by the foreman, technicians' time on each
-- labour line, final inspection (完工审查) with rework, and the wash.

ALTER TABLE work_order_line ADD COLUMN started_at TEXT;
ALTER TABLE work_order_line ADD COLUMN finished_at TEXT;
-- How many times QC sent the car back (返工), for the reports.
ALTER TABLE work_order ADD COLUMN rework_count INTEGER NOT NULL DEFAULT 0;

-- A technician's time on a labour line: clocked on, then off.
CREATE TABLE labour_clock (
    id             INTEGER PRIMARY KEY,
    line_id        INTEGER NOT NULL REFERENCES work_order_line (id),
    technician_id  INTEGER NOT NULL REFERENCES staff (id),
    on_at          TEXT NOT NULL,
    off_at         TEXT,
    CHECK (off_at IS NULL OR off_at >= on_at)
);
CREATE INDEX labour_clock_line ON labour_clock (line_id);
-- A technician works one line at a time.
CREATE UNIQUE INDEX labour_clock_open ON labour_clock (technician_id) WHERE off_at IS NULL;

-- Each final inspection: the checklist as ticked, pass or rework with the reason.
CREATE TABLE quality_check (
    id              INTEGER PRIMARY KEY,
    work_order_id   INTEGER NOT NULL REFERENCES work_order (id),
    at              TEXT NOT NULL,
    inspector_id    INTEGER NOT NULL REFERENCES staff (id),
    passed          BOOLEAN NOT NULL,
    -- JSON array of {item, ok}.
    checklist       TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    CHECK (passed OR reason != '')
);
CREATE INDEX quality_check_order ON quality_check (work_order_id, at);
