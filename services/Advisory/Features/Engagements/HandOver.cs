namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// POST /api/advisory/engagements/{id}/handover — an advisor who leaves hands a JST over to another: the engagement,
/// its budget, its meetings (booked ones move to the new advisor's calendar only if they fit it; otherwise they stay
/// and the new advisor sees them) and its history stay; engagement_advisors records who advised when and why.
/// </summary>
public static class HandOver
{
    public sealed record HandOverRequest(Guid AdvisorId, string Reason);

    public sealed record AdvisorPeriod(Guid AdvisorId, string AdvisorName, DateTimeOffset From, DateTimeOffset? To, string? Reason);

    public sealed class Validator : AbstractValidator<HandOverRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód przekazania (do 1000 znaków).", "Give the reason for the handover (up to 1000 characters)."));
    }

    public static IEndpointRouteBuilder MapHandOver(this IEndpointRouteBuilder api)
    {
        api.MapPost("/engagements/{id:guid}/handover", HandOverAsync)
            .WithName("HandOverEngagement").WithSummary("Przekaż JST innemu doradcy / Hand a JST over to another advisor")
            .Validate<HandOverRequest>().Produces<EngagementView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/engagements/{id:guid}/advisors", HistoryAsync)
            .WithName("EngagementAdvisorHistory").WithSummary("Kto doradzał JST i kiedy / Who advised the JST, and when")
            .Produces<IReadOnlyList<AdvisorPeriod>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> HandOverAsync(Guid id, HandOverRequest request, HttpContext context, DataSession session, TimeProvider time,
        IEngagementObserver observer)
    {
        var now = time.GetUtcNow();
        if (await session.QuerySingleOrDefaultAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id FOR UPDATE OF e", new { id }) is not { } before)
        {
            return NotFound();
        }
        if (before.EndedAt is not null)
        {
            return Problems.Conflict("Doradztwo zakończone.", "The advisory has ended.",
                "Zakończonego doradztwa nie przekazuje się.", "An ended advisory is not handed over.");
        }
        if (before.AdvisorId == request.AdvisorId)
        {
            return Problems.Unprocessable("To ten sam doradca.", "That is the same advisor.");
        }
        if (await Assignment.LockAdvisorAsync(session, request.AdvisorId) is { } refusal)
        {
            return refusal.Result;
        }
        var by = context.User.PersonId();
        await session.ExecuteAsync("""
            UPDATE engagement_advisors SET to_at = @now, reason = @reason WHERE engagement_id = @id AND to_at IS NULL;
            INSERT INTO engagement_advisors (engagement_id, advisor_id, jst_terc, from_at, changed_by) VALUES (@id, @advisorId, @JstTerc, @now, @by);
            UPDATE engagements SET advisor_id = @advisorId WHERE id = @id;
            """, new { id, advisorId = request.AdvisorId, before.JstTerc, reason = request.Reason.Trim(), by, now = now.ToUniversalTime() });
        // Meetings still to come go with the JST to its new advisor; held ones stay the old advisor's.
        await observer.AdvisorChangedAsync(session, id, request.AdvisorId, now);
        var after = await session.QuerySingleAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id", new { id });
        await session.EnqueueAsync(Assignment.Assigned(after, before, now));
        await session.CommitAsync();
        return TypedResults.Ok(after.ToView(now));
    }

    private static async Task<IResult> HistoryAsync(Guid id, DataSession session)
    {
        var periods = (await session.QueryAsync<AdvisorPeriod>("""
            SELECT h.advisor_id, a.full_name AS advisor_name, h.from_at AS "from", h.to_at AS "to", h.reason
            FROM engagement_advisors h JOIN advisors a ON a.id = h.advisor_id WHERE h.engagement_id = @id ORDER BY h.from_at
            """, new { id })).ToList();
        return periods.Count == 0 ? NotFound() : TypedResults.Ok(periods);
    }

    internal static IResult NotFound() =>
        ProblemDetailsDefaults.NotFound("Nie ma takiego doradztwa albo nie masz do niego dostępu.", "There is no such advisory, or you have no access to it.");
}
