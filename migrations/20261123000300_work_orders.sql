-- Reception and the work order (接待 / 接车登记 / 派工单), with the catalogues its lines
-- are written from.

-- Labour operations (工时项目) with their standard hours.
CREATE TABLE labour_operation (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE,
    name                  TEXT NOT NULL,
    -- Standard hours × 100 (1.5 h = 150).
    standard_hundredths   INTEGER NOT NULL CHECK (standard_hundredths > 0),
    updated_at            TEXT NOT NULL
);

-- Labour rate per hour by who pays (工时单价).
CREATE TABLE labour_rate (
    pay_type      TEXT PRIMARY KEY CHECK (pay_type IN ('customer', 'warranty', 'internal', 'goodwill')),
    fen_per_hour  INTEGER NOT NULL CHECK (fen_per_hour >= 0)
);
INSERT INTO labour_rate (pay_type, fen_per_hour) VALUES
    ('customer', 16000), ('warranty', 12000), ('internal', 8000), ('goodwill', 16000);

-- Parts (备件) with price and stock on hand.
CREATE TABLE part (
    id                  INTEGER PRIMARY KEY,
    part_no             TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    unit                TEXT NOT NULL DEFAULT '个',
    unit_price_fen      INTEGER NOT NULL CHECK (unit_price_fen >= 0),
    -- Quantity × 100 (4.5 L of oil = 450).
    on_hand_hundredths  INTEGER NOT NULL DEFAULT 0 CHECK (on_hand_hundredths >= 0),
    updated_at          TEXT NOT NULL
);

CREATE TABLE work_order (
    id                  INTEGER PRIMARY KEY,
    number              TEXT NOT NULL UNIQUE,      -- WOyyyymmdd-NNNN, by the day it was opened
    status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaiting_signature',
                            'open', 'dispatched', 'in_progress', 'awaiting_qc', 'rework', 'passed_qc',
                            'washing', 'ready', 'settled', 'exited', 'cancelled')),
    -- The version the customer signs (第 n 版); a change after signing starts the next one.
    version             INTEGER NOT NULL DEFAULT 1,
    -- Check-and-set for edits from several desks.
    revision            INTEGER NOT NULL DEFAULT 1,
    customer_id         INTEGER NOT NULL REFERENCES customer (id),
    vehicle_id          INTEGER NOT NULL REFERENCES vehicle (id),
    -- The booking the car came in on; one work order per booking.
    appointment_id      INTEGER UNIQUE REFERENCES appointment (id),
    advisor_id          INTEGER NOT NULL REFERENCES staff (id),
    diagnosis_only      BOOLEAN NOT NULL DEFAULT FALSE,
    -- The fault interview (5W2H).
    fault_where         TEXT NOT NULL DEFAULT '',
    fault_when          TEXT NOT NULL DEFAULT '',
    fault_who           TEXT NOT NULL DEFAULT '',
    fault_what          TEXT NOT NULL DEFAULT '',
    fault_why           TEXT NOT NULL DEFAULT '',
    fault_how_fix       TEXT NOT NULL DEFAULT '',
    fault_how_much      TEXT NOT NULL DEFAULT '',
    -- The check-in form (接车登记表).
    mileage             INTEGER CHECK (mileage >= 0),
    fuel_eighths        INTEGER CHECK (fuel_eighths BETWEEN 0 AND 8),
    -- JSON array of marks on the car outline: {no, view, x, y, kind, note}.
    damage_marks        TEXT NOT NULL DEFAULT '[]',
    items_left          TEXT NOT NULL DEFAULT '',
    valuables_reminded  BOOLEAN NOT NULL DEFAULT FALSE,
    covers_fitted       BOOLEAN NOT NULL DEFAULT FALSE,
    customer_waits      TEXT CHECK (customer_waits IN ('lounge', 'leaves')),
    contact_phone       TEXT NOT NULL DEFAULT '',
    wash                BOOLEAN,
    old_parts           TEXT CHECK (old_parts IN ('take', 'dispose', 'warranty_return')),
    test_drive_consent  BOOLEAN NOT NULL DEFAULT FALSE,
    -- The estimate.
    promised_at         TEXT,
    discount_fen        INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
    -- The customer agreed to wait for ordered parts.
    waiting_parts       BOOLEAN NOT NULL DEFAULT FALSE,
    -- Dispatch (派工).
    team                TEXT NOT NULL DEFAULT '',
    bay                 TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    created_on          TEXT NOT NULL              -- YYYY-MM-DD, dealership time zone
);
CREATE INDEX work_order_status ON work_order (status, created_on);
CREATE INDEX work_order_created_on ON work_order (created_on);
CREATE INDEX work_order_vehicle ON work_order (vehicle_id, created_on);
CREATE INDEX work_order_customer ON work_order (customer_id, created_on);

-- Lines of the work order: labour (hours × rate) or parts (quantity × unit price).
CREATE TABLE work_order_line (
    id                   INTEGER PRIMARY KEY,
    work_order_id        INTEGER NOT NULL REFERENCES work_order (id),
    position             INTEGER NOT NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('labour', 'part')),
    pay_type             TEXT NOT NULL CHECK (pay_type IN ('customer', 'warranty', 'internal', 'goodwill')),
    operation_id         INTEGER REFERENCES labour_operation (id),
    part_id              INTEGER REFERENCES part (id),
    code                 TEXT NOT NULL,
    name                 TEXT NOT NULL,
    -- Hours (labour) or quantity (parts) × 100.
    quantity_hundredths  INTEGER NOT NULL CHECK (quantity_hundredths > 0),
    -- Rate per hour (labour) or unit price (parts).
    unit_price_fen       INTEGER NOT NULL CHECK (unit_price_fen >= 0),
    amount_fen           INTEGER NOT NULL CHECK (amount_fen >= 0),
    discount_fen         INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0 AND discount_fen <= amount_fen),
    -- Parts only: in stock, or ordered with the date it is expected.
    stock                TEXT CHECK (stock IN ('in_stock', 'ordered')),
    expected_on          TEXT,
    technician_id        INTEGER REFERENCES staff (id),
    CHECK ((kind = 'labour') = (stock IS NULL)),
    UNIQUE (work_order_id, position)
);

-- Each signed version as the customer signed it, viewable later.
CREATE TABLE work_order_version (
    work_order_id   INTEGER NOT NULL REFERENCES work_order (id),
    version         INTEGER NOT NULL,
    -- The whole work order as printed and signed (JSON).
    content         TEXT NOT NULL,
    signed_by       TEXT NOT NULL,                -- who signed: the customer or their driver
    signed_at       TEXT NOT NULL,
    recorded_by     INTEGER REFERENCES staff (id),
    PRIMARY KEY (work_order_id, version)
);

CREATE TABLE work_order_history (
    id              INTEGER PRIMARY KEY,
    work_order_id   INTEGER NOT NULL REFERENCES work_order (id),
    at              TEXT NOT NULL,
    actor_id        INTEGER REFERENCES staff (id),
    action          TEXT NOT NULL,
    from_status     TEXT,
    to_status       TEXT NOT NULL,
    version         INTEGER NOT NULL,
    note            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX work_order_history_order ON work_order_history (work_order_id, at);
