-- Check-in at the door: one row per participant and Warsaw day of the conference they were scanned in on (the first
-- scan counts; scanning again changes nothing).
CREATE TABLE conference_attendance (
    registration_id  uuid NOT NULL REFERENCES conference_registrations (id),
    conference_id    uuid NOT NULL REFERENCES conferences (id),
    day              date NOT NULL,
    checked_in_at    timestamptz NOT NULL,
    checked_in_by    uuid,
    PRIMARY KEY (registration_id, day)
);
CREATE INDEX conference_attendance_by_conference ON conference_attendance (conference_id, day);

-- Attendance certificates (zaświadczenia o udziale), numbered KONF/<year>/<six digits> so people can read a number out
-- and type it into the public verification. Issued once per registration, when its attendance first meets the
-- conference's rule; the holder's name is as it was then (erased with the rest of the person's data).
CREATE SEQUENCE conference_certificate_numbers;
CREATE TABLE conference_certificates (
    id               uuid PRIMARY KEY,
    number           text COLLATE "C" NOT NULL UNIQUE,
    registration_id  uuid NOT NULL UNIQUE REFERENCES conference_registrations (id),
    conference_id    uuid NOT NULL REFERENCES conferences (id),
    holder_name      text NOT NULL,
    days_attended    integer NOT NULL,
    issued_at        timestamptz NOT NULL
);
