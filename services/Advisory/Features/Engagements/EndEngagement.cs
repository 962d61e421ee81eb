using Cro.Contracts;

namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// POST /api/advisory/engagements/{id}/end — an operator ends an engagement before its end date, with a reason.
/// Meetings still booked are cancelled with it (their attendees are told; see <see cref="IEngagementObserver"/>). <see cref="EngagementTermEnd"/> ends those
/// whose end date came, and a JST's withdrawal ends its own.
/// </summary>
public static class EndEngagement
{
    public sealed record EndEngagementRequest(string Reason);

    public sealed class Validator : AbstractValidator<EndEngagementRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód zakończenia (do 1000 znaków).", "Give the reason for ending it (up to 1000 characters)."));
    }

    public static IEndpointRouteBuilder MapEndEngagement(this IEndpointRouteBuilder api)
    {
        api.MapPost("/engagements/{id:guid}/end", EndEarlyAsync)
            .WithName("EndEngagement").WithSummary("Zakończ doradztwo przed terminem / End an advisory early")
            .Validate<EndEngagementRequest>().Produces<EngagementView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> EndEarlyAsync(Guid id, EndEngagementRequest request, HttpContext context, DataSession session, TimeProvider time,
        IEngagementObserver observer)
    {
        var now = time.GetUtcNow();
        var (ended, alreadyEnded) = await EndAsync(session, observer, id, EngagementEnd.Early, request.Reason.Trim(), now, context.User.PersonId());
        if (ended is null)
        {
            return HandOver.NotFound();
        }
        if (alreadyEnded)
        {
            return Problems.Conflict("Doradztwo już zakończone.", "The advisory has already ended.",
                $"To doradztwo zakończyło się {WarsawTime.Format(ended.EndedAt!.Value)}.", $"This advisory ended on {WarsawTime.Format(ended.EndedAt!.Value)}.");
        }
        await session.CommitAsync();
        return TypedResults.Ok(ended.ToView(now));
    }

    /// <summary>
    /// Ends an open engagement (locked here), cancels its booked meetings and announces it. An engagement already ended
    /// comes back as it is, marked so; none when the session cannot see it.
    /// </summary>
    internal static async Task<(EngagementRow? Engagement, bool AlreadyEnded)> EndAsync(DataSession session, IEngagementObserver observer, Guid id,
        string how, string? reason, DateTimeOffset now, Guid? endedBy)
    {
        var engagement = await session.QuerySingleOrDefaultAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id FOR UPDATE OF e", new { id });
        if (engagement is null || engagement.EndedAt is not null)
        {
            return (engagement, engagement is not null);
        }
        await session.ExecuteAsync("""
            UPDATE engagements SET ended_at = @now, end_reason = @reason, ended_by = @endedBy WHERE id = @id;
            UPDATE engagement_advisors SET to_at = @now WHERE engagement_id = @id AND to_at IS NULL;
            """, new { id, reason, endedBy, now = now.ToUniversalTime() });
        await observer.EngagementEndingAsync(session, id, Text.Pick("Doradztwo zakończone.", "The advisory ended."), now);
        var ended = await session.QuerySingleAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id", new { id });
        await session.EnqueueAsync(new EngagementEnded
        {
            EngagementId = id, ApplicationId = ended.ApplicationId, RoundId = ended.RoundId, JstTerc = ended.JstTerc, AdvisorId = ended.AdvisorId,
            AdvisorUserId = ended.AdvisorUserId, AdvisorEmail = ended.AdvisorEmail, How = how, Reason = reason, HoursHeld = ended.HoursHeld,
            EndedAt = now,
        });
        return (ended, false);
    }
}
