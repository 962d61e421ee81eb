-- The coordinators of accepted JST task teams, as recruitment's events name them (ApplicationAccepted, TeamMemberJoined
-- for a coordinator who joined in another's place, TeamMemberLeft, JstWithdrew): where mail goes that another service
-- addresses to a JST's coordinator rather than to a person (monitoring's overdue implementation reports). The JST's
-- coordinator is the latest who has not left. Erasure (PersonErased) deletes the person's row.
CREATE TABLE jst_coordinators (
    member_id      uuid PRIMARY KEY,
    application_id uuid NOT NULL,
    jst_terc       text NOT NULL,
    full_name      text NOT NULL,
    email          text NOT NULL,
    since          timestamptz NOT NULL,
    left_at        timestamptz
);
CREATE INDEX jst_coordinators_current ON jst_coordinators (jst_terc, since DESC) WHERE left_at IS NULL;
CREATE INDEX jst_coordinators_by_application ON jst_coordinators (application_id);
CREATE INDEX jst_coordinators_by_email ON jst_coordinators (lower(email));
