-- People who joined an accepted team later (replacing someone) count as supported too; a person who left
-- stays counted, having been supported while in the team. ApplicationAccepted's team replaces only the
-- members it carried, never those who joined later.
ALTER TABLE recruitment_team_members ADD COLUMN joined_later boolean NOT NULL DEFAULT false;
