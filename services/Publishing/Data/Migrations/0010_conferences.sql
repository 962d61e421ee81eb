-- Conferences for the exchange of experience that ORE runs, open to the staff of any JST (the seed's task 4: "nabór
-- otwarty"): the programme's own data, public once published, so no row-level security; a registration names a JST only
-- as where its participant works. Times are instants; the API shows them in Europe/Warsaw, and a conference's days (for
-- check-in) are the Warsaw dates from its start to its end.
CREATE TABLE conferences (
    id                      uuid PRIMARY KEY,
    title                   text NOT NULL,
    description             text NOT NULL,
    starts_at               timestamptz NOT NULL,
    ends_at                 timestamptz NOT NULL,
    place                   text,
    online_url              text,
    capacity                integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
    registration_opens_at   timestamptz NOT NULL,
    registration_closes_at  timestamptz NOT NULL,
    -- How long a place freed for the next person on the waitlist is held for them to accept.
    offer_hold              interval NOT NULL,
    -- Days a participant must have been checked in on for the attendance certificate.
    certificate_min_days    integer NOT NULL DEFAULT 1 CHECK (certificate_min_days >= 1),
    status                  text NOT NULL CHECK (status IN ('draft', 'published')),
    -- Places held: registrations holding a place outside any JST reservation, plus every active reservation's places
    -- (kept by the triggers of 0011). The CHECK is the database's own guarantee that no place is given twice, whatever
    -- the code does; the code keeps below it by locking the conference row first.
    places_taken            integer NOT NULL DEFAULT 0 CHECK (places_taken >= 0),
    -- iCalendar SEQUENCE of the conference's event: raised when its time or place changes.
    sequence                integer NOT NULL DEFAULT 0,
    created_by              uuid,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    published_at            timestamptz,
    CHECK (ends_at > starts_at),
    CHECK (registration_closes_at > registration_opens_at AND registration_closes_at <= ends_at),
    CHECK (place IS NOT NULL OR online_url IS NOT NULL),
    CONSTRAINT conferences_not_overbooked CHECK (places_taken <= capacity)
);
CREATE INDEX conferences_published ON conferences (starts_at) WHERE status = 'published';

-- The agenda: sessions in order, each with its speakers (name and affiliation, in the order shown) and, for a workshop
-- with a room of its own, a capacity; seats_taken counts the participants holding a place who chose it (0011's
-- trigger), and its CHECK keeps it within the capacity.
CREATE TABLE conference_sessions (
    id             uuid PRIMARY KEY,
    conference_id  uuid NOT NULL REFERENCES conferences (id),
    ordinal        integer NOT NULL,
    title          text NOT NULL,
    description    text,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    room           text,
    capacity       integer CHECK (capacity >= 1),
    seats_taken    integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
    speakers       jsonb NOT NULL DEFAULT '[]',
    CHECK (ends_at > starts_at),
    CONSTRAINT conference_sessions_not_overbooked CHECK (capacity IS NULL OR seats_taken <= capacity)
);
CREATE INDEX conference_sessions_by_conference ON conference_sessions (conference_id, ordinal);
