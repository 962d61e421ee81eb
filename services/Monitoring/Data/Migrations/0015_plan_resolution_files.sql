-- The council resolution's PDF that the team uploads for an adopted version (plan_resolutions, made with the plans and
-- row-level secured there): what the file is, kept beside its bytes as report_evidence keeps them, so the version's view
-- names the file and its size without reading the content. A new upload replaces the version's one row.
ALTER TABLE plan_resolutions
    ADD COLUMN content_type text NOT NULL DEFAULT 'application/pdf',
    ADD COLUMN size_bytes   bigint;
UPDATE plan_resolutions SET size_bytes = octet_length(content);
ALTER TABLE plan_resolutions ALTER COLUMN size_bytes SET NOT NULL;
ALTER TABLE plan_resolutions ALTER COLUMN content_type DROP DEFAULT;
