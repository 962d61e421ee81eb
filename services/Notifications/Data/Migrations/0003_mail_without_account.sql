-- Mail to someone who has no account yet: the coordinator of an application still in draft is known by
-- an address only, so the row has no person id. Erasure and the data export, which go by person id,
-- do not find such a row; it is deleted with all sent mail after the retention period.
ALTER TABLE outgoing_mail ALTER COLUMN user_id DROP NOT NULL;
