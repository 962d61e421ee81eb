-- Places an operator holds at a conference for the people of one JST (a participating JST sending its team): they count
-- as taken from the moment the reservation is made; a person of that JST registering takes one of them first. used counts
-- its places held by registrations (kept by the trigger below). When it is cancelled or expires, the places its people
-- hold become ordinary places, and the rest are released to the waitlist.
CREATE TABLE conference_reservations (
    id             uuid PRIMARY KEY,
    conference_id  uuid NOT NULL REFERENCES conferences (id),
    jst_terc       text COLLATE "C" NOT NULL REFERENCES jst (terc),
    places         integer NOT NULL CHECK (places >= 1),
    used           integer NOT NULL DEFAULT 0 CHECK (used >= 0),
    expires_at     timestamptz NOT NULL,
    created_by     uuid,
    created_at     timestamptz NOT NULL,
    ended_at       timestamptz,
    ended_how      text CHECK (ended_how IN ('cancelled', 'expired')),
    ended_by       uuid,
    CHECK ((ended_at IS NULL) = (ended_how IS NULL)),
    CONSTRAINT conference_reservations_not_overused CHECK (used <= places)
);
CREATE UNIQUE INDEX conference_reservations_one_active ON conference_reservations (conference_id, jst_terc) WHERE ended_at IS NULL;
CREATE INDEX conference_reservations_due ON conference_reservations (expires_at) WHERE ended_at IS NULL;

-- A registration, made without an account through the public form. Its status:
--   pending     holds a place; the address is not confirmed yet (confirm_by, or it expires)
--   confirmed   holds a place, address confirmed
--   waitlisted  no place yet; waits in waitlist_number order
--   offered     a freed place is held for them until offer_expires_at (accept or decline through their link)
--   cancelled / expired / declined / lapsed   no longer takes part (by them, unconfirmed in time, offer declined,
--               offer not answered in time)
-- The person's link and their ticket (QR code) are tokens derived from id and ticket_id (LinkTokens); only their hashes
-- are kept. A person is never offered a place twice: a waitlisted row has never been offered (CHECK), and an offer leads
-- to a place or out. What is not needed once a person leaves or is erased (name, address, role, institution's name,
-- needs) is erased in place (erased_at); the sex and JST stay for the programme's counts.
CREATE SEQUENCE conference_waitlist_numbers;
CREATE TABLE conference_registrations (
    id                uuid PRIMARY KEY,
    conference_id     uuid NOT NULL REFERENCES conferences (id),
    ticket_id         uuid NOT NULL UNIQUE,
    token_hash        bytea NOT NULL UNIQUE,
    ticket_hash       bytea NOT NULL UNIQUE,
    status            text NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'expired', 'declined', 'lapsed')),
    holds_place       boolean GENERATED ALWAYS AS (status IN ('pending', 'confirmed', 'offered')) STORED,
    reservation_id    uuid REFERENCES conference_reservations (id),
    waitlist_number   bigint,
    full_name         text NOT NULL,
    email             text,
    sex               text NOT NULL CHECK (sex IN ('woman', 'man', 'non-binary', 'undisclosed')),
    institution_kind  text NOT NULL CHECK (institution_kind IN ('jst', 'other')),
    jst_terc          text COLLATE "C" REFERENCES jst (terc),
    institution_name  text,
    role              text,
    needs             text[] NOT NULL DEFAULT '{}',
    diet              text,
    needs_note        text,
    client_key        bytea,
    registered_at     timestamptz NOT NULL,
    confirm_by        timestamptz NOT NULL,
    confirmed_at      timestamptz,
    offered_at        timestamptz,
    offer_expires_at  timestamptz,
    ended_at          timestamptz,
    erased_at         timestamptz,
    CHECK ((institution_kind = 'jst') = (jst_terc IS NOT NULL)),
    CHECK (status <> 'waitlisted' OR (offered_at IS NULL AND waitlist_number IS NOT NULL)),
    CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL),
    CHECK (reservation_id IS NULL OR status IN ('pending', 'confirmed', 'offered'))
);
-- One taking part per address and conference; someone who left may register again.
CREATE UNIQUE INDEX conference_registrations_one_per_address ON conference_registrations (conference_id, lower(email))
    WHERE status IN ('pending', 'confirmed', 'waitlisted', 'offered');
CREATE INDEX conference_registrations_waitlist ON conference_registrations (conference_id, waitlist_number) WHERE status = 'waitlisted';
CREATE INDEX conference_registrations_offers_due ON conference_registrations (offer_expires_at) WHERE status = 'offered';
CREATE INDEX conference_registrations_unconfirmed_due ON conference_registrations (confirm_by)
    WHERE confirmed_at IS NULL AND status IN ('pending', 'waitlisted');
CREATE INDEX conference_registrations_by_conference ON conference_registrations (conference_id, registered_at, id);
CREATE INDEX conference_registrations_by_client ON conference_registrations (conference_id, client_key, registered_at);
CREATE INDEX conference_registrations_by_email ON conference_registrations (lower(email));

-- Consents, versioned: each kind as given (with the version of its text the person saw) and, when withdrawn, when.
-- Giving one again after withdrawing adds a row. processing is required to register; withdrawing it cancels the
-- registration.
CREATE TABLE conference_consents (
    registration_id  uuid NOT NULL REFERENCES conference_registrations (id),
    kind             text NOT NULL CHECK (kind IN ('processing', 'image', 'participant-list')),
    version          text NOT NULL,
    given_at         timestamptz NOT NULL,
    withdrawn_at     timestamptz,
    PRIMARY KEY (registration_id, kind, given_at)
);
CREATE UNIQUE INDEX conference_consents_one_standing ON conference_consents (registration_id, kind) WHERE withdrawn_at IS NULL;

-- The sessions with a capacity (workshops) a participant holding a place chose.
CREATE TABLE conference_registration_sessions (
    registration_id  uuid NOT NULL REFERENCES conference_registrations (id),
    session_id       uuid NOT NULL REFERENCES conference_sessions (id),
    PRIMARY KEY (registration_id, session_id)
);
CREATE INDEX conference_registration_sessions_by_session ON conference_registration_sessions (session_id);

-- The counters the capacity CHECKs hold, kept here so no path can forget one: a registration taking or leaving a place
-- moves its conference's places_taken (or its reservation's used), and one leaving gives up its sessions' seats.
CREATE FUNCTION conference_registration_places() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    held_before boolean := TG_OP <> 'INSERT' AND OLD.status IN ('pending', 'confirmed', 'offered');
    held_after  boolean := TG_OP <> 'DELETE' AND NEW.status IN ('pending', 'confirmed', 'offered');
    general     integer := 0;
BEGIN
    IF held_before THEN
        IF OLD.reservation_id IS NULL THEN
            general := general - 1;
        ELSE
            UPDATE conference_reservations SET used = used - 1 WHERE id = OLD.reservation_id;
        END IF;
    END IF;
    IF held_after THEN
        IF NEW.reservation_id IS NULL THEN
            general := general + 1;
        ELSE
            UPDATE conference_reservations SET used = used + 1 WHERE id = NEW.reservation_id;
        END IF;
    END IF;
    IF general <> 0 THEN
        UPDATE conferences SET places_taken = places_taken + general WHERE id = coalesce(NEW.conference_id, OLD.conference_id);
    END IF;
    IF held_before AND NOT held_after THEN
        DELETE FROM conference_registration_sessions WHERE registration_id = OLD.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER conference_registration_places AFTER INSERT OR UPDATE OF status, reservation_id OR DELETE ON conference_registrations
    FOR EACH ROW EXECUTE FUNCTION conference_registration_places();

CREATE FUNCTION conference_reservation_places() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before integer := CASE WHEN TG_OP <> 'INSERT' AND OLD.ended_at IS NULL THEN OLD.places ELSE 0 END;
    after  integer := CASE WHEN TG_OP <> 'DELETE' AND NEW.ended_at IS NULL THEN NEW.places ELSE 0 END;
BEGIN
    IF after <> before THEN
        UPDATE conferences SET places_taken = places_taken + after - before WHERE id = coalesce(NEW.conference_id, OLD.conference_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER conference_reservation_places AFTER INSERT OR UPDATE OF places, ended_at OR DELETE ON conference_reservations
    FOR EACH ROW EXECUTE FUNCTION conference_reservation_places();

CREATE FUNCTION conference_session_seats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE conference_sessions SET seats_taken = seats_taken + CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END
    WHERE id = coalesce(NEW.session_id, OLD.session_id);
    RETURN NULL;
END $$;
CREATE TRIGGER conference_session_seats AFTER INSERT OR DELETE ON conference_registration_sessions
    FOR EACH ROW EXECUTE FUNCTION conference_session_seats();
