-- The order life cycle (RULES 3.5.1) replaces OPEN/COMPLETED: an open order was accepted and not yet delivered
-- (CONFIRMED), a completed one had its receipt (DELIVERED). PARTIALLY_SHIPPED needs 17 characters.
ALTER TABLE purchase_order ALTER COLUMN status SET DATA TYPE VARCHAR(20);
UPDATE purchase_order SET status = 'CONFIRMED' WHERE status = 'OPEN';
UPDATE purchase_order SET status = 'DELIVERED' WHERE status = 'COMPLETED';
-- A logistics unit shipped from the supplier's own supplier moves none of the supplier's stock.
ALTER TABLE shipment_line ADD COLUMN drop_ship BOOLEAN DEFAULT FALSE NOT NULL;
