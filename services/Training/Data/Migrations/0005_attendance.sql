-- Attendance per participant per session: present, absent or excused, marked by the trainer or by the
-- participant's check-in. jst_terc repeats the participant's, for row-level security.
CREATE TABLE attendance (
    session_id     uuid NOT NULL REFERENCES sessions (id),
    participant_id uuid NOT NULL REFERENCES participants (id),
    jst_terc       text COLLATE "C" NOT NULL,
    status         text NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
    source         text NOT NULL CHECK (source IN ('trainer', 'check-in')),
    recorded_by    uuid,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX attendance_by_participant ON attendance (participant_id);

-- Corrections after the session ended: who changed which mark, when, from what to what, and why.
-- The record of it: the application role may add rows, never change or remove them.
CREATE TABLE attendance_corrections (
    id             uuid PRIMARY KEY,
    session_id     uuid NOT NULL REFERENCES sessions (id),
    participant_id uuid NOT NULL REFERENCES participants (id),
    jst_terc       text COLLATE "C" NOT NULL,
    old_status     text,
    new_status     text NOT NULL,
    reason         text NOT NULL,
    corrected_by   uuid,
    corrected_by_name text,
    corrected_at   timestamptz NOT NULL
);
CREATE INDEX attendance_corrections_by_session ON attendance_corrections (session_id, corrected_at);

REVOKE UPDATE, DELETE, TRUNCATE ON attendance_corrections FROM $app_role$;

ALTER TABLE attendance ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON attendance
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
ALTER TABLE attendance_corrections ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON attendance_corrections
    USING (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on' OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
