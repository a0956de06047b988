-- Row triggers a bulk load sets aside with the indexes (Database::deferIndexes), each with the
-- one statement that does its work for the whole table when they are made again at the end
-- (Database::restoreIndexes). Both keep a derived table up to date as rows come in; row by row
-- they cost a new workstation's first pull about a twelfth of its CPU at 10k patients / 100k
-- appointments, as each INSERT with a trigger also journals every page it touches for the
-- statement's sake. A migration that changes one of these triggers changes its catch-up here
-- too.
-- IF NOT EXISTS and OR REPLACE: a database taken back to an older version runs this again.
CREATE TABLE IF NOT EXISTS bulk_load_triggers (
    name TEXT PRIMARY KEY NOT NULL,
    catch_up TEXT NOT NULL
);
INSERT OR REPLACE INTO bulk_load_triggers (name, catch_up) VALUES
    -- Every patient is folded into the search index again at the first search.
    ('patients_search_on_insert',
     'INSERT OR IGNORE INTO patient_search_dirty (patient_id) SELECT id FROM patients'),
    -- Each patient's first visit, from all of their appointments (as migration 007 does).
    ('appointments_first_visit_on_insert',
     'INSERT OR REPLACE INTO patient_first_visits (patient_id, first_start_at) '
     || 'SELECT patient_id, min(start_at) FROM appointments '
     || 'WHERE deleted = 0 AND status != ''cancelled'' GROUP BY patient_id');

-- The triggers set aside: each one's CREATE TRIGGER and catch-up, kept in the transaction that
-- drops it, so a load stopped halfway has them made again (and caught up) at the next open.
CREATE TABLE IF NOT EXISTS deferred_triggers (
    name TEXT PRIMARY KEY NOT NULL,
    sql TEXT NOT NULL,
    catch_up TEXT NOT NULL
);
