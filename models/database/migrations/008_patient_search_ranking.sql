-- Patient search (issue #7): phone numbers by their last digits, and a ranking that stays right
-- when a short prefix matches thousands of patients.
--
-- Phone endings: the index now holds each phone number's digits reversed as well ("r" terms in
-- patient_search.identifiers), so "the last 4-6 digits" is an FTS prefix query like any other.
--
-- Ranking: a one-word query ("m", "mueller", "anna") is answered from patient_search_token, one
-- row per folded name word, in the order the ranking needs: exact word first, then shorter words
-- (a prefix covers more of them), then the names as the result list sorts them (name_key). The
-- index hands over the best rows without reading the others, however many patients match.
CREATE TABLE patient_search_token (
    docid INTEGER NOT NULL,  -- patient_search_doc.docid
    family INTEGER NOT NULL, -- 1: a word of the family name, 0: of the given name
    token TEXT NOT NULL,
    -- family words, given words and birth date (yyyyMMdd), separated by char(1): the order of
    -- equally ranked results.
    name_key TEXT NOT NULL,
    PRIMARY KEY (docid, family, token)
) WITHOUT ROWID;
CREATE INDEX patient_search_token_rank
    ON patient_search_token(family, length(token), token, name_key);

-- Index rows written before this migration have neither: every patient is marked for the
-- index, and the next search (or `frontdeskctl search --reindex`) folds them in again, the same
-- lazy path a new database takes.
INSERT OR IGNORE INTO patient_search_dirty (patient_id) SELECT id FROM patients;
