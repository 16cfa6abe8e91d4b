-- 0010_alias_gender: the gender ('m', 'f') an honorific opening an alias
-- gives ("Mrs. Smith", "Mr. John Smith"), NULL for none. A person is linked
-- only to a stored person whose aliases say the same gender, or none;
-- until now the store read it from the alias text at every look-up. The
-- extractor reads it from the names now (whosaid.Speaker), and the store
-- keeps what it read.

ALTER TABLE speaker_aliases ADD COLUMN gender TEXT CHECK (gender IN ('m', 'f'));

-- The aliases stored before: the first word, up to the first space, is an
-- honorific, with or without its full stop. BINARY, as the store read it:
-- "MR. SMITH" gave no gender.
UPDATE speaker_aliases SET gender = CASE
    WHEN substr(alias || ' ', 1, instr(alias || ' ', ' ') - 1) COLLATE BINARY IN
        ('Mr', 'Mr.', 'Sir', 'Sir.', 'Lord', 'Lord.') THEN 'm'
    WHEN substr(alias || ' ', 1, instr(alias || ' ', ' ') - 1) COLLATE BINARY IN
        ('Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Miss.', 'Mme', 'Mme.', 'Dame', 'Dame.', 'Lady', 'Lady.') THEN 'f'
END;
