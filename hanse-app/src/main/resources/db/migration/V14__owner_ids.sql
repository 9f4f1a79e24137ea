-- Ids chosen by clients are unique per owning node (docs/ARCHITECTURE.md, "Ids per owner"): an id another node
-- already uses is stored as owner@id, so every column holding such an id, or a reference to one, widens to
-- 200 characters (a 64-character node id, '@', a 100-character client id, a component suffix).
-- SET DATA TYPE is the form H2 (PostgreSQL mode) and PostgreSQL share; widening a VARCHAR keeps every key.
ALTER TABLE purchase_order ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE purchase_order ALTER COLUMN root_id SET DATA TYPE VARCHAR(200);
ALTER TABLE purchase_order ALTER COLUMN parent_id SET DATA TYPE VARCHAR(200);
ALTER TABLE capacity_reservation ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE chain_step ALTER COLUMN root_id SET DATA TYPE VARCHAR(200);
ALTER TABLE chain_step ALTER COLUMN step_key SET DATA TYPE VARCHAR(200);
ALTER TABLE chain_step ALTER COLUMN parent_key SET DATA TYPE VARCHAR(200);
ALTER TABLE order_receipt ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE stock_movement ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE stock_movement ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE stock_hold ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE shipment ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE shipment ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE shipment_line ALTER COLUMN shipment_id SET DATA TYPE VARCHAR(200);
ALTER TABLE shipment_milestone ALTER COLUMN shipment_id SET DATA TYPE VARCHAR(200);
ALTER TABLE payment_terms ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE payment ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE payment_match ALTER COLUMN payment_id SET DATA TYPE VARCHAR(200);
ALTER TABLE payment_match ALTER COLUMN shipment_id SET DATA TYPE VARCHAR(200);
ALTER TABLE trust_interaction ALTER COLUMN shipment_id SET DATA TYPE VARCHAR(200);
ALTER TABLE trust_interaction ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE trust_information_fault ALTER COLUMN event_id SET DATA TYPE VARCHAR(200);
ALTER TABLE trust_information_fault ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE trust_penalty ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE trust_penalty ALTER COLUMN order_id SET DATA TYPE VARCHAR(200);
ALTER TABLE event_log ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE inbox ALTER COLUMN event_id SET DATA TYPE VARCHAR(200);
ALTER TABLE warning_response ALTER COLUMN warning_event_id SET DATA TYPE VARCHAR(200);
ALTER TABLE secure_message ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE link ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE operator_alert ALTER COLUMN subject_id SET DATA TYPE VARCHAR(200);
