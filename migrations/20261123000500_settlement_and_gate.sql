-- Hand-over (交车), settlement (结算), exit passes (出门证) and the gate (门卫).

-- What kind of job a labour operation is: it decides whether the follow-up call is asked
-- (maintenance, body and paint) or mandatory (every other job).
ALTER TABLE labour_operation ADD COLUMN job_kind TEXT NOT NULL DEFAULT 'repair'
    CHECK (job_kind IN ('maintenance', 'body_paint', 'repair'));

-- The follow-up call the customer accepts, marked on the work order at hand-over.
ALTER TABLE work_order ADD COLUMN followup_required BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE work_order ADD COLUMN followup_consent BOOLEAN;
ALTER TABLE work_order ADD COLUMN followup_method TEXT CHECK (followup_method IN ('mobile', 'landline'));
ALTER TABLE work_order ADD COLUMN followup_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE work_order ADD COLUMN followup_time TEXT
    CHECK (followup_time IN ('any', 'morning', 'afternoon', 'evening'));
-- Settlement: the invoice, when and by whom, and how often the statement was printed
-- (every print after the first is marked 副本).
ALTER TABLE work_order ADD COLUMN invoice_number TEXT NOT NULL DEFAULT '';
ALTER TABLE work_order ADD COLUMN settled_at TEXT;
ALTER TABLE work_order ADD COLUMN cashier_id INTEGER REFERENCES staff (id);
ALTER TABLE work_order ADD COLUMN statement_prints INTEGER NOT NULL DEFAULT 0;

-- The hand-over of a ready car to its customer.
CREATE TABLE hand_over (
    work_order_id    INTEGER PRIMARY KEY REFERENCES work_order (id),
    at               TEXT NOT NULL,
    advisor_id       INTEGER NOT NULL REFERENCES staff (id),
    -- Not the advisor who received the car: the warning the desk showed is kept.
    other_advisor    BOOLEAN NOT NULL,
    work_explained   BOOLEAN NOT NULL,
    old_parts_shown  BOOLEAN NOT NULL,
    covers_removed   BOOLEAN NOT NULL
);

-- Money taken at the cash desk, split across methods.
CREATE TABLE payment (
    id              INTEGER PRIMARY KEY,
    work_order_id   INTEGER NOT NULL REFERENCES work_order (id),
    method          TEXT NOT NULL CHECK (method IN ('cash', 'card', 'wechat', 'alipay', 'transfer')),
    amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
    cashier_id      INTEGER NOT NULL REFERENCES staff (id),
    at              TEXT NOT NULL
);
CREATE INDEX payment_order ON payment (work_order_id);
CREATE INDEX payment_at ON payment (at);

-- An exit pass: good for one exit. Passes after settlement belong to a work order; road
-- tests too; wash-only visits, rescue vehicles and inspection trips may have none.
CREATE TABLE exit_pass (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('settled', 'road_test', 'wash_only', 'rescue', 'inspection')),
    work_order_id   INTEGER REFERENCES work_order (id),
    plate           TEXT NOT NULL,
    customer_name   TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    issued_at       TEXT NOT NULL,
    issued_by       INTEGER NOT NULL REFERENCES staff (id),
    used_at         TEXT,
    CHECK (kind NOT IN ('settled', 'road_test') OR work_order_id IS NOT NULL)
);
CREATE INDEX exit_pass_order ON exit_pass (work_order_id);
CREATE INDEX exit_pass_plate ON exit_pass (plate, used_at);
-- One unused settlement pass per work order: a reprint shows the same pass.
CREATE UNIQUE INDEX exit_pass_open ON exit_pass (work_order_id) WHERE kind = 'settled';

-- What the gate saw: entries registered by plate, exits allowed or refused with the reason.
CREATE TABLE gate_event (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    on_date     TEXT NOT NULL,              -- YYYY-MM-DD, dealership time zone
    direction   TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
    plate       TEXT NOT NULL DEFAULT '',
    pass_id     INTEGER REFERENCES exit_pass (id),
    allowed     BOOLEAN NOT NULL,
    -- Why an exit was refused: not_paid, used, cancelled, not_genuine, not_found.
    reason      TEXT NOT NULL DEFAULT '',
    guard_id    INTEGER REFERENCES staff (id)
);
CREATE INDEX gate_event_date ON gate_event (on_date, at);
