-- Follow-up calls (跟踪回访) after settlement, and complaints (投诉).

-- Complaints: numbered YYMM-NNN by the month received, with deadlines and a status.
CREATE TABLE complaint (
    id                  INTEGER PRIMARY KEY,
    number              TEXT NOT NULL UNIQUE,
    status              TEXT NOT NULL DEFAULT 'open'
                            CHECK (status IN ('open', 'acknowledged', 'investigating', 'resolved', 'closed')),
    source              TEXT NOT NULL CHECK (source IN ('phone', 'letter', 'email', 'visit', 'followup')),
    category            TEXT NOT NULL
                            CHECK (category IN ('work_quality', 'service', 'price', 'parts', 'waiting_time', 'other')),
    customer_id         INTEGER NOT NULL REFERENCES customer (id),
    vehicle_id          INTEGER REFERENCES vehicle (id),
    work_order_id       INTEGER REFERENCES work_order (id),
    description         TEXT NOT NULL CHECK (description != ''),
    owner_id            INTEGER NOT NULL REFERENCES staff (id),
    received_at         TEXT NOT NULL,
    -- The first answer to the customer is due by this time, the written finding by the next.
    respond_by          TEXT NOT NULL,
    finding_by          TEXT NOT NULL,
    responded_at        TEXT,
    finding             TEXT NOT NULL DEFAULT '',
    resolution          TEXT NOT NULL DEFAULT '',
    resolved_at         TEXT,
    -- The call that closes it: was the customer satisfied?
    closing_call_at     TEXT,
    customer_satisfied  BOOLEAN,
    -- The same car with the same kind of complaint within 30 days (返修).
    comeback            BOOLEAN NOT NULL DEFAULT FALSE,
    revision            INTEGER NOT NULL DEFAULT 1,
    CHECK (status != 'closed' OR customer_satisfied IS NOT NULL)
);
CREATE INDEX complaint_status ON complaint (status, received_at);
CREATE INDEX complaint_received ON complaint (received_at);
CREATE INDEX complaint_vehicle ON complaint (vehicle_id, received_at);

CREATE TABLE complaint_history (
    id            INTEGER PRIMARY KEY,
    complaint_id  INTEGER NOT NULL REFERENCES complaint (id),
    at            TEXT NOT NULL,
    actor_id      INTEGER REFERENCES staff (id),
    action        TEXT NOT NULL,
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_history_complaint ON complaint_history (complaint_id, at);

-- Each follow-up call attempt on a settled work order and what came of it.
CREATE TABLE followup_call (
    id               INTEGER PRIMARY KEY,
    work_order_id    INTEGER NOT NULL REFERENCES work_order (id),
    at               TEXT NOT NULL,
    caller_id        INTEGER NOT NULL REFERENCES staff (id),
    outcome          TEXT NOT NULL CHECK (outcome IN ('reached', 'not_reached', 'declined')),
    -- Satisfaction 1–10 when the customer was reached.
    advisor_score    INTEGER CHECK (advisor_score BETWEEN 1 AND 10),
    quality_score    INTEGER CHECK (quality_score BETWEEN 1 AND 10),
    on_time_score    INTEGER CHECK (on_time_score BETWEEN 1 AND 10),
    price_score      INTEGER CHECK (price_score BETWEEN 1 AND 10),
    facility_score   INTEGER CHECK (facility_score BETWEEN 1 AND 10),
    overall_score    INTEGER CHECK (overall_score BETWEEN 1 AND 10),
    remarks          TEXT NOT NULL DEFAULT '',
    -- A problem with the car the customer mentioned, and the booking made for it.
    vehicle_problem  TEXT NOT NULL DEFAULT '',
    appointment_id   INTEGER REFERENCES appointment (id),
    complaint_id     INTEGER REFERENCES complaint (id),
    CHECK (outcome != 'reached' OR overall_score IS NOT NULL)
);
CREATE INDEX followup_call_order ON followup_call (work_order_id, at);
CREATE INDEX followup_call_at ON followup_call (at);

-- Settled orders by when, for the follow-up list and the figures.
CREATE INDEX work_order_settled ON work_order (settled_at);

-- Customer care (客户关怀) items done: each occasion once (a birthday of a year, a greeting of
-- a holiday, a delivery call at 24 hours…), so it leaves the to-do list.
CREATE TABLE care_done (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    occasion     TEXT NOT NULL,
    done_at      TEXT NOT NULL,
    staff_id     INTEGER REFERENCES staff (id),
    UNIQUE (customer_id, occasion)
);
