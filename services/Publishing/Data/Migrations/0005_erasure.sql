-- Erasure (RODO art. 17) of a person named in a list of people kept as JSON (a practice's authors and contacts, an event's
-- recipients): erase_person keeps the entry, without the name, address and phone; drop_person leaves it out.
CREATE FUNCTION erase_person(people jsonb, erased_email text, erased_user uuid, erased_name text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(
               CASE WHEN lower(p ->> 'email') = lower(erased_email) OR (erased_user IS NOT NULL AND p ->> 'userId' = erased_user::text)
                    THEN p || jsonb_build_object('fullName', erased_name, 'email', NULL)
                           || CASE WHEN p ? 'phone' THEN jsonb_build_object('phone', NULL) ELSE '{}'::jsonb END
                    ELSE p END ORDER BY position), '[]'::jsonb)
    FROM jsonb_array_elements(coalesce(people, '[]'::jsonb)) WITH ORDINALITY AS entries(p, position)
$$;

CREATE FUNCTION drop_person(people jsonb, erased_email text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(p ORDER BY position), '[]'::jsonb)
    FROM jsonb_array_elements(coalesce(people, '[]'::jsonb)) WITH ORDINALITY AS entries(p, position)
    WHERE lower(p ->> 'email') IS DISTINCT FROM lower(erased_email)
$$;
