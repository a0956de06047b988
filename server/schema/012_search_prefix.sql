-- A search by the start of a name ("family=mue") reads a range of the token index, from the
-- word to the word followed by the last code point, as on SQLite, which compares text byte by
-- byte. On PostgreSQL that range and the index must use the same order whatever the
-- database's locale: the tokens are compared in code point order ("C"), and the indexes on
-- them are rebuilt so. (A LIKE with a bound pattern alone reads every token of the parameter.)
-- [postgresql]
ALTER TABLE search_tokens ALTER COLUMN value TYPE TEXT COLLATE "C";
-- [end]
