namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// POST /api/advisory/engagements — an operator assigns an advisor to one JST team from a start date (usually when the
/// team completes the training); the term and hours default to the programme's (12 months, the round's budget).
/// POST /api/advisory/engagements/bulk — many at once (typically the suggestion, reviewed), all or none: the first
/// refusal answers, naming the JST, and nothing is written.
/// </summary>
public static class AssignAdvisor
{
    public sealed record AssignAdvisorRequest(Guid ApplicationId, Guid AdvisorId, DateOnly StartsOn, DateOnly? EndsOn, decimal? HoursBudget);

    public sealed record BulkAssignment(Guid ApplicationId, Guid AdvisorId);

    public sealed record BulkAssignRequest(DateOnly StartsOn, IReadOnlyList<BulkAssignment> Assignments);

    public sealed class Validator : AbstractValidator<AssignAdvisorRequest>
    {
        public Validator()
        {
            RuleFor(r => r.EndsOn).Must((r, end) => end is null || end > r.StartsOn)
                .WithMessage(_ => Text.Pick("Koniec doradztwa musi przypadać po jego początku.", "The end must come after the start."));
            RuleFor(r => r.HoursBudget).InclusiveBetween(1, 1000)
                .WithMessage(_ => Text.Pick("Budżet to od 1 do 1000 godzin.", "The budget is 1 to 1000 hours."));
        }
    }

    public sealed class BulkValidator : AbstractValidator<BulkAssignRequest>
    {
        public BulkValidator() => RuleFor(r => r.Assignments)
            .Must(a => a is { Count: > 0 and <= 500 } && a.DistinctBy(x => x.ApplicationId).Count() == a.Count)
            .WithMessage(_ => Text.Pick("Podaj od 1 do 500 przydziałów, każdą JST raz.", "Give 1 to 500 assignments, each JST once."));
    }

    public static IEndpointRouteBuilder MapAssignAdvisor(this IEndpointRouteBuilder api)
    {
        api.MapPost("/engagements", AssignAsync)
            .WithName("AssignAdvisor").WithSummary("Przydziel doradcę zespołowi JST / Assign an advisor to a JST team")
            .Validate<AssignAdvisorRequest>().Produces<EngagementView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/engagements/bulk", BulkAsync)
            .WithName("AssignAdvisorsInBulk").WithSummary("Przydziel doradców wielu JST naraz / Assign advisors to many JST at once")
            .Validate<BulkAssignRequest>().Produces<IReadOnlyList<EngagementView>>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> AssignAsync(AssignAdvisorRequest request, HttpContext context, DataSession session, Assignment assignment,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (engagement, refusal) = await assignment.AssignAsync(session, request.ApplicationId, request.AdvisorId, request.StartsOn, request.EndsOn,
            request.HoursBudget, context.User.PersonId(), now);
        if (engagement is null)
        {
            return refusal!;
        }
        await session.CommitAsync();
        return TypedResults.Created($"/api/advisory/engagements/{engagement.Id}", engagement.ToView(now));
    }

    private static async Task<IResult> BulkAsync(BulkAssignRequest request, HttpContext context, DataSession session, Assignment assignment,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        var created = new List<EngagementView>();
        foreach (var item in request.Assignments)
        {
            var (engagement, refusal) = await assignment.AssignAsync(session, item.ApplicationId, item.AdvisorId, request.StartsOn, null, null,
                context.User.PersonId(), now);
            if (engagement is null)
            {
                return refusal!;
            }
            created.Add(engagement.ToView(now));
        }
        await session.CommitAsync();
        return TypedResults.Json(created, statusCode: StatusCodes.Status201Created);
    }
}
