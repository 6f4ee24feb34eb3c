-- A chunk now learns which of its versions it wrote from its inserts themselves (RETURNING record_number), where it
-- used to look its rows up by the run index after each batch. The index served nothing else (V8 replaced it for
-- removals and gap checks, and SQLite dropped it then), and it made every row a load writes a second B-tree insert.
DROP INDEX ix_asset_version_row_run;
