-- The dealership this installation serves: exactly one row once set up.
CREATE TABLE dealership (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    address     TEXT NOT NULL,
    hotline     TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    is_demo     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE staff (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('advisor', 'foreman', 'technician', 'qc_inspector',
                'parts_clerk', 'washer', 'cashier', 'guard', 'follow_up', 'manager')),
    active  BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE customer (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
    name          TEXT NOT NULL,
    mobile        TEXT,
    -- Advisors find a customer by the last four digits of the mobile.
    mobile_last4  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX customer_mobile ON customer (mobile);
CREATE INDEX customer_mobile_last4 ON customer (mobile_last4);
CREATE INDEX customer_name ON customer (name);

CREATE TABLE vehicle (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    -- Normal form as printed: 京A·12345
    plate        TEXT NOT NULL,
    -- Search keys: 京A12345 and, for plates typed without the province, A12345.
    plate_key    TEXT NOT NULL UNIQUE,
    plate_tail   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX vehicle_customer ON vehicle (customer_id);
CREATE INDEX vehicle_plate_tail ON vehicle (plate_tail);
