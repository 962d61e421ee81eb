-- The schools register, as far as the diagnosis needs it: a stand-in with the columns the register's own migration
-- (built alongside) defines, so the diagnosis builds and is tested before the register lands; the register's file
-- replaces this one.
CREATE TABLE schools (
    id         uuid PRIMARY KEY,
    jst_terc   text NOT NULL,
    rspo_id    integer UNIQUE NULL,
    name       text NOT NULL,
    kind       text NULL,
    status     text NOT NULL CHECK (status IN ('active', 'closed')),
    source     text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

ALTER TABLE schools ENABLE ROW LEVEL SECURITY;
CREATE POLICY jst_isolation ON schools
    USING (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')))
    WITH CHECK (current_setting('cro.jst_all', true) = 'on'
           OR jst_terc = ANY (string_to_array(current_setting('cro.jst_tercs', true), ',')));
