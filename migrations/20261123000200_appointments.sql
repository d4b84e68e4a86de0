-- Appointments (预约): bookings, their history, the proactive call log and campaigns.

-- A campaign (活动) puts the vehicles matching its filter on the proactive call list
-- for its period, e.g. 冬季检查.
CREATE TABLE campaign (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    -- What the caller tells the customer, e.g. 防冻液、电瓶、轮胎免费检查.
    purpose           TEXT NOT NULL DEFAULT '',
    from_date         TEXT NOT NULL,            -- YYYY-MM-DD, dealership time zone
    to_date           TEXT NOT NULL,
    -- Filter: model contains this text (empty: every model) ...
    model_contains    TEXT NOT NULL DEFAULT '',
    -- ... and the vehicle was delivered at least this many years ago (NULL: any age).
    min_age_years     INTEGER,
    created_at        TEXT NOT NULL,
    CHECK (from_date <= to_date)
);

CREATE TABLE appointment (
    id                 INTEGER PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,     -- YYYYMMDD-NNN, by the day it was made
    kind               TEXT NOT NULL CHECK (kind IN ('proactive', 'passive')),
    service_type       TEXT NOT NULL CHECK (service_type IN ('maintenance', 'repair', 'enquiry',
                           'accident', 'detailing', 'seasonal', 'left_over', 'recall')),
    customer_id        INTEGER NOT NULL REFERENCES customer (id),
    vehicle_id         INTEGER NOT NULL REFERENCES vehicle (id),
    day                TEXT NOT NULL,            -- YYYY-MM-DD, dealership time zone
    -- HH:MM in the dealership's time zone; NULL: "will come that day, no exact time".
    slot               TEXT,
    advisor_id         INTEGER NOT NULL REFERENCES staff (id),
    team               TEXT NOT NULL DEFAULT '',
    bay                TEXT NOT NULL DEFAULT '',
    expected_minutes   INTEGER NOT NULL DEFAULT 60 CHECK (expected_minutes > 0),
    parts              TEXT NOT NULL DEFAULT '',
    description        TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'confirmed',
                           'arrived', 'no_show', 'cancelled', 'rescheduled')),
    -- The booking this one replaces (a reschedule keeps the link).
    rescheduled_from   INTEGER REFERENCES appointment (id),
    -- Confirmation call: who will drive the car in.
    driver             TEXT NOT NULL DEFAULT '',
    arrived_at         TEXT,
    no_show_reason     TEXT CHECK (no_show_reason IN ('forgot', 'busy', 'car_fine',
                           'went_elsewhere', 'weather', 'unreachable', 'other')),
    no_show_note       TEXT NOT NULL DEFAULT '',
    benefit            TEXT CHECK (benefit IN ('gift', 'voucher', 'points')),
    benefit_note       TEXT NOT NULL DEFAULT '',
    benefit_points     INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointment_day ON appointment (day, slot);
CREATE INDEX appointment_vehicle ON appointment (vehicle_id, day);
CREATE INDEX appointment_status ON appointment (status, day);

-- Every change of status (and every confirmation call) with who and when.
CREATE TABLE appointment_history (
    id              INTEGER PRIMARY KEY,
    appointment_id  INTEGER NOT NULL REFERENCES appointment (id),
    at              TEXT NOT NULL,
    actor_id        INTEGER REFERENCES staff (id),   -- NULL: the app itself (the no-show rule)
    action          TEXT NOT NULL,
    from_status     TEXT,
    to_status       TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX appointment_history_appointment ON appointment_history (appointment_id, at);

-- The proactive call log (主动预约电话记录): one row per call made from the list.
CREATE TABLE appointment_call (
    id              INTEGER PRIMARY KEY,
    vehicle_id      INTEGER NOT NULL REFERENCES vehicle (id),
    customer_id     INTEGER NOT NULL REFERENCES customer (id),
    reason          TEXT NOT NULL CHECK (reason IN ('no_visit', 'maintenance_due', 'left_over', 'campaign')),
    campaign_id     INTEGER REFERENCES campaign (id),
    at              TEXT NOT NULL,
    actor_id        INTEGER REFERENCES staff (id),
    outcome         TEXT NOT NULL CHECK (outcome IN ('booked', 'declined', 'not_reached',
                        'wrong_person', 'call_back')),
    note            TEXT NOT NULL DEFAULT '',
    call_back_at    TEXT,                          -- instant, for outcome call_back
    appointment_id  INTEGER REFERENCES appointment (id)
);
CREATE INDEX appointment_call_vehicle ON appointment_call (vehicle_id, at);
CREATE INDEX appointment_call_at ON appointment_call (at);
