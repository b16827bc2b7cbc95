-- Projections read each entity type's events straight from the journal, in commit order, instead of
-- through tags (see platform/CommittedEvents): a tagged write costs an insert per event plus a tag
-- row, an untagged batch one multi-row insert.

-- The transaction that wrote each row. The rows already here all get this migration's transaction:
-- they were committed before it, and their ordering keeps them in order among themselves.
ALTER TABLE event_journal ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();

-- A projection reads one entity type's rows after its position (transaction, ordering).
CREATE INDEX event_journal_type_txid_idx ON event_journal (split_part(persistence_id, '|', 1), txid, ordering);

-- The read models' offsets become positions in the new order, keyed by entity type: everything up to
-- the old offset, all in this migration's transaction, was projected.
UPDATE pekko_projection_offset_store
SET current_offset = pg_current_xact_id()::text || ':' || current_offset,
    manifest = 'STR',
    projection_key = CASE projection_key WHEN 'carts' THEN 'Cart' ELSE 'PurchaseOrder' END
WHERE projection_name IN ('cart-summary', 'order-summary') AND manifest = 'SEQ';

-- No event is tagged any more.
DELETE FROM event_tag;
