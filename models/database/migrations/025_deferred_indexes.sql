-- Indexes set aside for a bulk load (Database::deferIndexes): a new workstation's first pull of
-- a large clinic writes its rows without them, and they are made again in one sort each at its
-- end (Database::restoreIndexes). Each one's CREATE INDEX is kept here in the transaction that
-- drops it, so a pull stopped halfway (killed, power lost) has them made again at the next open.
-- IF NOT EXISTS: a database taken back to an older version runs this again.
CREATE TABLE IF NOT EXISTS deferred_indexes (
    name TEXT PRIMARY KEY NOT NULL,
    sql TEXT NOT NULL
);
