using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Contracts;
using Cro.Identity.Features.Audit;

namespace Cro.Identity.Features.Advisors;

/// <summary>An engagement's grant as it stood before an event: whose it was, and whether it was open.</summary>
internal sealed record Grant(Guid? UserId, string JstTerc, DateTimeOffset? AssignedAt, DateTimeOffset? EndedAt)
{
    public const string SelectForUpdate = """
        SELECT user_id, jst_terc, assigned_at, ended_at FROM advised_jst WHERE engagement_id = @EngagementId FOR UPDATE
        """;

    /// <summary>The account that could see the JST through this grant.</summary>
    public Guid? OpenFor => AssignedAt is not null && EndedAt is null ? UserId : null;
}

/// <summary>
/// An advisor took up a JST (a new engagement, or a handover): their account — the one advisory names, else the one with
/// their address, else whichever account gets that address later — sees the JST from its next token; on a handover the
/// previous advisor no longer does. A handover that overtook the first assignment stands.
/// </summary>
public sealed class AdvisorAssignedConsumer(NpgsqlDataSource dataSource, ILookupNormalizer normalizer, AuditLog audit)
    : InboxConsumer<AdvisorAssigned>(dataSource)
{
    protected override async Task HandleAsync(AdvisorAssigned message, DataSession session)
    {
        var userId = message.AdvisorUserId ?? await AdvisedJst.AccountAsync(session, normalizer, message.AdvisorEmail);
        var before = await session.QuerySingleOrDefaultAsync<Grant>(Grant.SelectForUpdate, message);
        // An ended engagement keeps no address.
        var open = await session.QuerySingleOrDefaultAsync<bool?>("""
            INSERT INTO advised_jst (engagement_id, jst_terc, advisor_id, user_id, email, assigned_at)
            VALUES (@EngagementId, @JstTerc, @AdvisorId, @userId, @email, @AssignedAt)
            ON CONFLICT (engagement_id) DO UPDATE
                SET advisor_id = excluded.advisor_id, user_id = excluded.user_id, assigned_at = excluded.assigned_at,
                    email = CASE WHEN advised_jst.ended_at IS NULL THEN excluded.email END
                WHERE advised_jst.assigned_at IS NULL OR advised_jst.assigned_at < excluded.assigned_at
            RETURNING ended_at IS NULL
            """, new { message.EngagementId, message.JstTerc, message.AdvisorId, userId, email = message.AdvisorEmail.Trim(), AssignedAt = message.AssignedAt.ToUniversalTime() });
        if (open is not true)
        {
            return; // an older assignment than the one recorded, or the engagement has ended
        }
        var previous = before?.OpenFor;
        if (previous is { } from && from != userId)
        {
            await audit.AppendAsync(AuditActions.RolesChanged, from, transaction: session.Transaction, ct: session.Cancellation,
                detail: new { advisedJstRemoved = message.JstTerc, engagement = message.EngagementId, handedOverTo = message.AdvisorId });
        }
        if (userId is { } to && to != previous)
        {
            await audit.AppendAsync(AuditActions.RolesChanged, to, transaction: session.Transaction, ct: session.Cancellation,
                detail: new { advisedJstAdded = message.JstTerc, engagement = message.EngagementId });
        }
    }
}

/// <summary>A JST's advisory ended: its advisor no longer sees the JST from their next token. An assignment arriving later changes nothing.</summary>
public sealed class EngagementEndedConsumer(NpgsqlDataSource dataSource, AuditLog audit) : InboxConsumer<EngagementEnded>(dataSource)
{
    protected override async Task HandleAsync(EngagementEnded message, DataSession session)
    {
        var before = await session.QuerySingleOrDefaultAsync<Grant>(Grant.SelectForUpdate, message);
        await session.ExecuteAsync("""
            INSERT INTO advised_jst (engagement_id, jst_terc, advisor_id, user_id, ended_at)
            VALUES (@EngagementId, @JstTerc, @AdvisorId, @AdvisorUserId, @EndedAt)
            ON CONFLICT (engagement_id) DO UPDATE SET ended_at = excluded.ended_at, email = NULL
                WHERE advised_jst.ended_at IS NULL
            """, new { message.EngagementId, message.JstTerc, message.AdvisorId, message.AdvisorUserId, EndedAt = message.EndedAt.ToUniversalTime() });
        if (before?.OpenFor is { } userId)
        {
            await audit.AppendAsync(AuditActions.RolesChanged, userId, transaction: session.Transaction, ct: session.Cancellation,
                detail: new { advisedJstRemoved = message.JstTerc, engagement = message.EngagementId, ended = message.How });
        }
    }
}
