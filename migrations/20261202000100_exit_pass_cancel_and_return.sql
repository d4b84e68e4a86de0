-- An exit pass can be cancelled before it is used: the car came back and a new work order
-- was opened ('reopened'), or a settled pass was not used in time ('expired', found when it
-- is shown again). Cancelled passes are kept.
ALTER TABLE exit_pass ADD COLUMN cancelled_at TEXT;
ALTER TABLE exit_pass ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''
    CHECK (cancel_reason IN ('', 'reopened', 'expired'));
ALTER TABLE exit_pass ADD COLUMN cancelled_by INTEGER REFERENCES staff (id);

-- A new settlement pass may follow a cancelled one of the same order.
DROP INDEX exit_pass_open;
CREATE UNIQUE INDEX exit_pass_open ON exit_pass (work_order_id)
    WHERE kind = 'settled' AND cancelled_at IS NULL;

-- A road test or wash trip leaves and comes back: the gate records such an exit as a trip.
ALTER TABLE gate_event ADD COLUMN round_trip BOOLEAN NOT NULL DEFAULT FALSE;
