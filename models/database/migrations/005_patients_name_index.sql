-- The patient list pages by (family name, given name, id); with id in the index, a page deep
-- in the list reads only its own rows instead of sorting every patient of one name.
DROP INDEX patients_name;
CREATE INDEX patients_name ON patients(family_name COLLATE NOCASE, given_name COLLATE NOCASE, id);
