-- The people publishing's conferences reached, kept from ConferenceAttended: one row per registration and day checked in.
-- Nothing names a person: participant_key is publishing's keyed hash of the address, the same for one person at every
-- conference, used only to count people once; sex and institution are as registered, and stay so after the person's
-- erasure (the counts do not change). Conference participants come from any JST or none, so no row-level security: only
-- aggregates leave this table.
CREATE TABLE conferences (
    id         uuid PRIMARY KEY,
    title      text NOT NULL,
    starts_at  timestamptz NOT NULL
);

CREATE TABLE conference_attendance (
    registration_id   uuid NOT NULL,
    day               date NOT NULL,
    conference_id     uuid NOT NULL REFERENCES conferences (id),
    participant_key   text COLLATE "C" NOT NULL,
    sex               text NOT NULL CHECK (sex IN ('woman', 'man', 'non-binary', 'undisclosed')),
    institution_kind  text NOT NULL CHECK (institution_kind IN ('jst', 'other')),
    jst_terc          text COLLATE "C",
    jst_kind          text,
    attended_at       timestamptz NOT NULL,
    PRIMARY KEY (registration_id, day)
);
CREATE INDEX conference_attendance_by_conference ON conference_attendance (conference_id);
