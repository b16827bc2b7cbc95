-- The cart read model's rows are rewritten at every group of events. With room left on each page, a
-- row's new version goes on the same page, and a cart line's, which changes no indexed column, needs
-- no new index entry (a HOT update). That cut the write-ahead log per cart write by a sixth
-- (benchmarks/ANALYSIS.md). Pages written from now on keep the room; existing pages get it as they are
-- rewritten.
ALTER TABLE cart_summary SET (fillfactor = 70);
ALTER TABLE cart_summary_line SET (fillfactor = 70);
