-- Which template wrote a mail ('invitation', 'password-reset'), so a person's data export can say what
-- each mail was even after erasure has emptied its subject. Rows from before this script are told by
-- their subject; those already erased stay 'unknown'.
ALTER TABLE outgoing_mail ADD COLUMN kind text NOT NULL DEFAULT 'unknown';

UPDATE outgoing_mail SET kind = CASE subject
        WHEN 'Zaproszenie do platformy Cyfrowy Rozwój Oświaty' THEN 'invitation'
        WHEN 'Nowe hasło do platformy Cyfrowy Rozwój Oświaty' THEN 'password-reset'
        ELSE 'unknown'
    END;

-- From now on the code names the kind of every mail it queues.
ALTER TABLE outgoing_mail ALTER COLUMN kind DROP DEFAULT;
