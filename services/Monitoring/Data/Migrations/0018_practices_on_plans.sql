-- A published good practice that names the JST's plan and the actions it carried out (GoodPracticePublished): the plan's
-- path from the diagnosis to results ends in it. Title and page as the catalogue published them.
ALTER TABLE published_practices
    ADD COLUMN title         text,
    ADD COLUMN page_url      text,
    ADD COLUMN plan_id       uuid,
    ADD COLUMN plan_action_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX published_practices_by_plan ON published_practices (plan_id) WHERE plan_id IS NOT NULL;
