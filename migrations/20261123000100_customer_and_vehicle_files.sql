-- Customer files (客户档案): the whole person or company, how to reach them, membership, grade.
ALTER TABLE customer ADD COLUMN gender TEXT CHECK (gender IN ('male', 'female'));
ALTER TABLE customer ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN birthday TEXT;            -- YYYY-MM-DD
ALTER TABLE customer ADD COLUMN employer TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN position TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN wechat TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN notes_personality TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN notes_relationships TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN notes_work TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN notes_education TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN contact_method TEXT NOT NULL DEFAULT 'phone'
    CHECK (contact_method IN ('phone', 'sms', 'email', 'wechat', 'visit'));
ALTER TABLE customer ADD COLUMN contact_days TEXT NOT NULL DEFAULT 'any'
    CHECK (contact_days IN ('any', 'workday', 'weekend'));
ALTER TABLE customer ADD COLUMN contact_from TEXT;        -- HH:MM
ALTER TABLE customer ADD COLUMN contact_to TEXT;          -- HH:MM
ALTER TABLE customer ADD COLUMN follow_up_accepted BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE customer ADD COLUMN follow_up_method TEXT NOT NULL DEFAULT 'mobile'
    CHECK (follow_up_method IN ('mobile', 'landline', 'sms', 'wechat'));
ALTER TABLE customer ADD COLUMN referred_by INTEGER REFERENCES customer (id);
ALTER TABLE customer ADD COLUMN membership TEXT NOT NULL DEFAULT 'normal'
    CHECK (membership IN ('normal', 'silver', 'gold', 'platinum'));
ALTER TABLE customer ADD COLUMN bad_credit BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE customer ADD COLUMN major_accident BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE customer ADD COLUMN grade TEXT CHECK (grade IN ('A', 'B', 'C', 'D'));
ALTER TABLE customer ADD COLUMN grade_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN grade_reason_en TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN graded_at TEXT;
-- Check-and-set for edits from several desks.
ALTER TABLE customer ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX customer_name_pinyin ON customer (name_pinyin);
CREATE INDEX customer_name_initials ON customer (name_initials);
CREATE INDEX customer_employer ON customer (employer);
CREATE INDEX customer_birthday_md ON customer (substr(birthday, 6, 5));

CREATE TABLE customer_phone (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    number       TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customer_phone_customer ON customer_phone (customer_id);
CREATE INDEX customer_phone_number ON customer_phone (number);

-- Points ledger: the balance is the sum; entries are never edited.
CREATE TABLE points_entry (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    at           TEXT NOT NULL,
    points       INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    actor_id     INTEGER REFERENCES staff (id)
);
CREATE INDEX points_entry_customer ON points_entry (customer_id);

-- Contact log: every call, visit, gift and message.
CREATE TABLE contact_entry (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    at           TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('call', 'visit', 'gift', 'sms', 'wechat', 'email', 'letter')),
    staff_name   TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL,
    outcome      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_entry_customer ON contact_entry (customer_id, at);

-- Service visits with their revenue: history brought over from the previous system, and
-- (from the work-order issues on) each settled work order.
CREATE TABLE service_visit (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customer (id),
    vehicle_id      INTEGER NOT NULL REFERENCES vehicle (id),
    visit_date      TEXT NOT NULL,             -- YYYY-MM-DD, dealership time zone
    mileage         INTEGER,
    summary         TEXT NOT NULL DEFAULT '',
    revenue_fen     INTEGER NOT NULL DEFAULT 0,
    cost_fen        INTEGER NOT NULL DEFAULT 0,
    is_maintenance  BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX service_visit_customer ON service_visit (customer_id, visit_date);
CREATE INDEX service_visit_vehicle ON service_visit (vehicle_id, visit_date);
CREATE INDEX service_visit_date ON service_visit (visit_date);

-- Vehicle files (车辆档案).
ALTER TABLE vehicle ADD COLUMN plate_override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE vehicle ADD COLUMN vin TEXT;
ALTER TABLE vehicle ADD COLUMN vin_last6 TEXT;
ALTER TABLE vehicle ADD COLUMN vin_check_waived_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE vehicle ADD COLUMN brand TEXT NOT NULL DEFAULT '';
ALTER TABLE vehicle ADD COLUMN model TEXT NOT NULL DEFAULT '';
ALTER TABLE vehicle ADD COLUMN model_year INTEGER;
ALTER TABLE vehicle ADD COLUMN colour TEXT NOT NULL DEFAULT '';
ALTER TABLE vehicle ADD COLUMN purchase_date TEXT;
ALTER TABLE vehicle ADD COLUMN delivery_date TEXT;
-- Per-vehicle service interval; NULL means the dealership's setting.
ALTER TABLE vehicle ADD COLUMN service_interval_km INTEGER;
ALTER TABLE vehicle ADD COLUMN service_interval_months INTEGER;
ALTER TABLE vehicle ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX vehicle_vin ON vehicle (vin) WHERE vin IS NOT NULL;
CREATE INDEX vehicle_vin_last6 ON vehicle (vin_last6);

CREATE TABLE mileage_reading (
    id          INTEGER PRIMARY KEY,
    vehicle_id  INTEGER NOT NULL REFERENCES vehicle (id),
    read_on     TEXT NOT NULL,                  -- YYYY-MM-DD
    km          INTEGER NOT NULL CHECK (km >= 0),
    source      TEXT NOT NULL CHECK (source IN ('check_in', 'customer', 'import', 'manual')),
    -- Required when the reading is lower than the one before it.
    reason      TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX mileage_reading_vehicle ON mileage_reading (vehicle_id, read_on);

-- Owner history: the history stays with the vehicle when it changes hands.
CREATE TABLE vehicle_owner (
    id           INTEGER PRIMARY KEY,
    vehicle_id   INTEGER NOT NULL REFERENCES vehicle (id),
    customer_id  INTEGER NOT NULL REFERENCES customer (id),
    from_date    TEXT NOT NULL,
    to_date      TEXT
);
CREATE INDEX vehicle_owner_vehicle ON vehicle_owner (vehicle_id);
INSERT INTO vehicle_owner (vehicle_id, customer_id, from_date)
    SELECT id, customer_id, substr(created_at, 1, 10) FROM vehicle;

-- Plates found by any part of them (3 or more characters).
CREATE VIRTUAL TABLE vehicle_plate_fts USING fts5 (plate_key, content = 'vehicle', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO vehicle_plate_fts (rowid, plate_key) SELECT id, plate_key FROM vehicle;
CREATE TRIGGER vehicle_plate_fts_insert AFTER INSERT ON vehicle BEGIN
    INSERT INTO vehicle_plate_fts (rowid, plate_key) VALUES (new.id, new.plate_key);
END;
CREATE TRIGGER vehicle_plate_fts_delete AFTER DELETE ON vehicle BEGIN
    INSERT INTO vehicle_plate_fts (vehicle_plate_fts, rowid, plate_key) VALUES ('delete', old.id, old.plate_key);
END;
CREATE TRIGGER vehicle_plate_fts_update AFTER UPDATE OF plate_key ON vehicle BEGIN
    INSERT INTO vehicle_plate_fts (vehicle_plate_fts, rowid, plate_key) VALUES ('delete', old.id, old.plate_key);
    INSERT INTO vehicle_plate_fts (rowid, plate_key) VALUES (new.id, new.plate_key);
END;

-- Dealership settings that rules read (grading bands, service interval, lost-customer months).
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
