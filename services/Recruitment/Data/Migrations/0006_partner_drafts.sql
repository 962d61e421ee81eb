-- A draft a partner (API client) prepared on behalf of a member JST. The partner never sees the key:
-- it goes to the JST's coordinator, whose submission confirms the application.
ALTER TABLE applications ADD COLUMN proposed_by text;
CREATE INDEX applications_by_proposer ON applications (proposed_by) WHERE proposed_by IS NOT NULL;
