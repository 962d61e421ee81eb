using Cro.Contracts;
using Microsoft.Extensions.Options;

namespace Cro.Advisory.Features.Engagements;

/// <summary>The hours of advice a JST gets when its round names none (Advisory:DefaultHoursBudget).</summary>
public sealed class AdvisoryOptions
{
    public decimal DefaultHoursBudget { get; set; } = 40;

    /// <summary>How long an engagement lasts unless the operator gives an end date.</summary>
    public int TermMonths { get; set; } = 12;
}

/// <summary>
/// Ties one accepted team to one advisor for a term, with the round's hours budget, and announces it
/// (<see cref="AdvisorAssigned"/>) in the same transaction. Refusals: the team unknown (404) or withdrawn, already
/// advised, the advisor unknown or retired, or full (409 / 422), each named.
/// </summary>
internal sealed class Assignment(IOptions<AdvisoryOptions> options)
{
    private sealed record Team(Guid ApplicationId, Guid RoundId, string JstTerc, string JstName, DateTimeOffset? WithdrawnAt, bool Advised);

    private sealed record Advisor(Guid Id, Guid? UserId, string Email, string FullName, bool Active, int MaxEngagements, int OpenEngagements);

    public async Task<(EngagementRow? Engagement, IResult? Refusal)> AssignAsync(DataSession session, Guid applicationId, Guid advisorId,
        DateOnly startsOn, DateOnly? endsOn, decimal? hoursBudget, Guid? by, DateTimeOffset now)
    {
        var team = await session.QuerySingleOrDefaultAsync<Team>("""
            SELECT t.application_id, t.round_id, t.jst_terc, t.jst_name, t.withdrawn_at,
                   EXISTS (SELECT 1 FROM engagements e WHERE e.application_id = t.application_id AND e.ended_at IS NULL) AS advised
            FROM teams t WHERE t.application_id = @applicationId FOR UPDATE
            """, new { applicationId });
        if (team is null)
        {
            return (null, ProblemDetailsDefaults.NotFound("Nie ma takiego przyjętego zespołu JST.", "There is no such accepted JST team."));
        }
        if (team.WithdrawnAt is not null)
        {
            return (null, Problems.Conflict("JST wycofała się.", "The JST withdrew.",
                $"{team.JstName} wycofała się z projektu; nie przydziela się jej doradcy.", $"{team.JstName} withdrew; it gets no advisor."));
        }
        if (team.Advised)
        {
            return (null, Problems.Conflict("JST ma już doradcę.", "The JST already has an advisor.",
                $"{team.JstName} ma już trwające doradztwo; zmianę doradcy robi się przekazaniem.",
                $"{team.JstName} is already advised; change its advisor by a handover."));
        }
        if (await LockAdvisorAsync(session, advisorId) is { } refusal)
        {
            return (null, refusal.Result);
        }
        var hours = hoursBudget ?? await session.QuerySingleOrDefaultAsync<decimal?>("SELECT hours FROM round_budgets WHERE round_id = @RoundId",
            new { team.RoundId }) ?? options.Value.DefaultHoursBudget;
        var end = endsOn ?? startsOn.AddMonths(options.Value.TermMonths);
        var id = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO engagements (id, application_id, round_id, jst_terc, advisor_id, starts_on, ends_on, hours_budget, created_by, created_at)
            VALUES (@id, @ApplicationId, @RoundId, @JstTerc, @advisorId, @startsOn, @end, @hours, @by, @now);
            INSERT INTO engagement_advisors (engagement_id, advisor_id, jst_terc, from_at, changed_by) VALUES (@id, @advisorId, @JstTerc, @now, @by);
            """, new { id, team.ApplicationId, team.RoundId, team.JstTerc, advisorId, startsOn, end, hours, by, now = now.ToUniversalTime() });
        var engagement = await session.QuerySingleAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id", new { id });
        await session.EnqueueAsync(Assigned(engagement, previous: null, now));
        return (engagement, null);
    }

    /// <summary>
    /// Locks the advisor's row (so two assignments to one advisor queue up and the capacity check holds) and refuses an
    /// unknown, retired or full advisor.
    /// </summary>
    public static async Task<Refusal?> LockAdvisorAsync(DataSession session, Guid advisorId)
    {
        var advisor = await session.QuerySingleOrDefaultAsync<Advisor>("""
            SELECT a.id, a.user_id, a.email, a.full_name, a.active, a.max_engagements,
                   (SELECT count(*)::int FROM engagements e WHERE e.advisor_id = a.id AND e.ended_at IS NULL) AS open_engagements
            FROM advisors a WHERE a.id = @advisorId FOR UPDATE
            """, new { advisorId });
        if (advisor is null)
        {
            return new(Problems.Unprocessable("Nie ma takiego doradcy.", "There is no such advisor."));
        }
        if (!advisor.Active)
        {
            return new(Problems.Unprocessable($"{advisor.FullName} nie przyjmuje już nowych JST.", $"{advisor.FullName} takes no new JST."));
        }
        if (advisor.OpenEngagements >= advisor.MaxEngagements)
        {
            return new(Problems.Conflict("Doradca ma komplet JST.", "The advisor is full.",
                $"{advisor.FullName} doradza już {advisor.OpenEngagements} JST (limit {advisor.MaxEngagements}).",
                $"{advisor.FullName} already advises {advisor.OpenEngagements} JST (limit {advisor.MaxEngagements})."));
        }
        return null;
    }

    public static AdvisorAssigned Assigned(EngagementRow engagement, EngagementRow? previous, DateTimeOffset now) => new()
    {
        EngagementId = engagement.Id, ApplicationId = engagement.ApplicationId, RoundId = engagement.RoundId, JstTerc = engagement.JstTerc,
        JstName = engagement.JstName, AdvisorId = engagement.AdvisorId, AdvisorUserId = engagement.AdvisorUserId,
        AdvisorEmail = engagement.AdvisorEmail, AdvisorName = engagement.AdvisorName, StartsOn = engagement.StartsOn, EndsOn = engagement.EndsOn,
        HoursBudget = engagement.HoursBudget, PreviousAdvisorId = previous?.AdvisorId, PreviousAdvisorEmail = previous?.AdvisorEmail, AssignedAt = now,
    };

    /// <summary>Why an advisor cannot take a JST, as the answer to give.</summary>
    public sealed record Refusal(IResult Result);
}
