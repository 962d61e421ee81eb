-- Materials of a module (by its stable code): Markdown lessons (kept with the sanitised HTML rendered
-- when saved), links, and files. Visible to enrolled participants, trainers and operators; to everyone
-- when is_public (the seed asks materials to be open to JST outside the programme too).
CREATE TABLE materials (
    id           uuid PRIMARY KEY,
    module_code  text COLLATE "C" NOT NULL CHECK (module_code ~ '^M[0-9]{1,2}$'),
    kind         text NOT NULL CHECK (kind IN ('lesson', 'link', 'file')),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    is_public    boolean NOT NULL DEFAULT false,
    markdown     text,
    html         text,
    url          text,
    file_name    text,
    content_type text,
    size_bytes   bigint,
    sha256       bytea,
    created_by   uuid,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CHECK ((kind = 'lesson') = (markdown IS NOT NULL AND html IS NOT NULL)),
    CHECK ((kind = 'link') = (url IS NOT NULL)),
    CHECK ((kind = 'file') = (file_name IS NOT NULL AND content_type IS NOT NULL AND size_bytes IS NOT NULL))
);
CREATE INDEX materials_by_module ON materials (module_code, created_at, id);
CREATE INDEX materials_public ON materials (module_code, created_at, id) WHERE is_public;

-- File contents apart from the list, so listing materials never reads the bytes. In PostgreSQL, so a
-- backup of the database is a backup of the materials.
CREATE TABLE material_files (
    material_id uuid PRIMARY KEY REFERENCES materials (id) ON DELETE CASCADE,
    content     bytea NOT NULL
);
