-- A calendar message sent with the mail (RFC 5546 iTIP, e.g. METHOD:CANCEL for a cancelled training session),
-- attached as text/calendar so mail clients offer to update the event in the recipient's calendar.
ALTER TABLE outgoing_mail ADD COLUMN calendar text;
