-- What the manager's figures read: settled work orders by when, each with what it came to,
-- and each customer's last visit. Kept as the steps happen, so the dashboard reads one row
-- per order through one index instead of walking lines and history.

-- When the car was ready (after the wash or parked): against the promised time.
ALTER TABLE work_order ADD COLUMN ready_at TEXT;
-- At settlement: labour and parts net of line discounts, hours sold, and by who pays (the
-- customer's share after the order discount).
ALTER TABLE work_order ADD COLUMN labour_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_order ADD COLUMN parts_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_order ADD COLUMN sold_hundredths INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_order ADD COLUMN customer_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_order ADD COLUMN warranty_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_order ADD COLUMN internal_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_order ADD COLUMN goodwill_fen INTEGER NOT NULL DEFAULT 0;

ALTER TABLE customer ADD COLUMN last_visit_on TEXT;
UPDATE customer SET last_visit_on = (SELECT MAX(visit_date) FROM service_visit s WHERE s.customer_id = customer.id);
CREATE INDEX customer_last_visit ON customer (last_visit_on);
CREATE INDEX customer_grade ON customer (grade);
-- Every visit, however it is stored (settlement, import, demo), moves the last visit on.
CREATE TRIGGER service_visit_last_visit AFTER INSERT ON service_visit
BEGIN
    UPDATE customer SET last_visit_on = NEW.visit_date
    WHERE id = NEW.customer_id AND (last_visit_on IS NULL OR last_visit_on < NEW.visit_date);
END;
