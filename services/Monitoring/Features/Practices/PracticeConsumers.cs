namespace Cro.Monitoring.Features.Practices;

/// <summary>
/// A good practice was published (or published again, perhaps with other topics): it counts for its JST and topics, and
/// where it names the JST's plan and actions, it ends the plan's path from the diagnosis to results.
/// </summary>
public sealed class GoodPracticePublishedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<GoodPracticePublished>(dataSource)
{
    protected override Task HandleAsync(GoodPracticePublished message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO published_practices (practice_id, jst_terc, jst_kind, voivodeship_terc, topics, published, first_published_at, changed_at,
                                             title, page_url, plan_id, plan_action_ids)
            VALUES (@PracticeId, @JstTerc, @JstKind, @VoivodeshipTerc, @topics, true, @at, @at, @Title, @url, @PlanId, @actions)
            ON CONFLICT (practice_id) DO UPDATE SET
                jst_kind = excluded.jst_kind, voivodeship_terc = excluded.voivodeship_terc,
                first_published_at = least(published_practices.first_published_at, excluded.first_published_at),
                topics = CASE WHEN excluded.changed_at >= published_practices.changed_at THEN excluded.topics ELSE published_practices.topics END,
                title = CASE WHEN excluded.changed_at >= published_practices.changed_at THEN excluded.title ELSE published_practices.title END,
                page_url = CASE WHEN excluded.changed_at >= published_practices.changed_at THEN excluded.page_url ELSE published_practices.page_url END,
                plan_id = CASE WHEN excluded.changed_at >= published_practices.changed_at THEN excluded.plan_id ELSE published_practices.plan_id END,
                plan_action_ids = CASE WHEN excluded.changed_at >= published_practices.changed_at THEN excluded.plan_action_ids
                                       ELSE published_practices.plan_action_ids END,
                published = CASE WHEN excluded.changed_at >= published_practices.changed_at THEN true ELSE published_practices.published END,
                changed_at = greatest(published_practices.changed_at, excluded.changed_at)
            """, new { message.PracticeId, message.JstTerc, message.JstKind, message.VoivodeshipTerc, topics = message.Topics.ToArray(),
            at = message.PublishedAt.ToUniversalTime(), message.Title, url = message.PracticeUrl.ToString(), message.PlanId,
            actions = message.PlanActionIds.ToArray() });
}

/// <summary>A good practice was withdrawn from the catalogue: it no longer counts (until published again).</summary>
public sealed class GoodPracticeUnpublishedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<GoodPracticeUnpublished>(dataSource)
{
    protected override Task HandleAsync(GoodPracticeUnpublished message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO published_practices (practice_id, jst_terc, published, changed_at) VALUES (@PracticeId, @JstTerc, false, @at)
            ON CONFLICT (practice_id) DO UPDATE SET
                published = CASE WHEN excluded.changed_at >= published_practices.changed_at THEN false ELSE published_practices.published END,
                changed_at = greatest(published_practices.changed_at, excluded.changed_at)
            """, new { message.PracticeId, message.JstTerc, at = message.UnpublishedAt.ToUniversalTime() });
}
