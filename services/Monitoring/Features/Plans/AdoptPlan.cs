namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// POST /api/monitoring/plans/{id}/adopt — the team records that the council adopted the version being written, on a day
/// and optionally by a resolution's number. The first version is adopted after its consultation (revised); an amendment
/// with or without one. It needs at least one priority, goal and action, every comment of the advisor resolved, and every
/// visible comment of its consultation answered (409 naming what is missing). The version adopted before is superseded
/// and stays readable. Announced as PlanAdopted. The first version's adoption starts implementation: its reporting periods
/// are made in the same transaction (<see cref="IPlanAdoptionObserver"/>).
/// </summary>
public static class AdoptPlan
{
    [OpenApiSchemaName("AdoptPlanRequest")]
    public sealed record AdoptRequest(
        [property: FieldLabel("Dzień przyjęcia", "Adoption day")] DateOnly? AdoptedOn,
        [property: FieldLabel("Numer uchwały", "Resolution number")] string? ResolutionNumber);

    public sealed class Validator : AbstractValidator<AdoptRequest>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(r => r.AdoptedOn).NotNull().Must(d => d is not { } day || day <= DateOnly.FromDateTime(WarsawTime.InWarsaw(time.GetUtcNow()).DateTime))
                .WithMessage(_ => Text.Pick("Podaj dzień przyjęcia planu (nie z przyszłości).", "Give the day the plan was adopted (not in the future)."));
            RuleFor(r => r.ResolutionNumber).MaximumLength(100)
                .WithMessage(_ => Text.Pick("Numer uchwały ma do 100 znaków.", "The resolution number has up to 100 characters."));
        }
    }

    public static RouteHandlerBuilder MapAdoptPlan(this IEndpointRouteBuilder api) => api
        .MapPost("/plans/{id:guid}/adopt", HandleAsync)
        .WithName("AdoptPlan").WithSummary("Zapisz przyjęcie planu przez radę / Record the council's adoption of the plan")
        .Validate<AdoptRequest>().Produces<PlanView>()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, AdoptRequest request, HttpContext context, DataSession session, IPlanAdoptionObserver observer,
        TimeProvider time)
    {
        if (await PlanVersionRow.ForTeamAsync(session, context.User, id) is not { } version)
        {
            return PlanVersionRow.NotFound();
        }
        var adoptable = version.Number == 1 ? version.Status == PlanStatus.Revised : PlanStatus.IsEditable(version.Status);
        if (!adoptable)
        {
            return PlanStatus.WrongState(version.Status,
                "przyjmuje się pierwszą wersję po konsultacjach, a zmianę planu w przygotowaniu albo po konsultacjach.",
                "the first version is adopted after its consultation, an amendment as a draft or after consultation.");
        }
        var content = version.Document;
        var openComments = await session.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM plan_comments WHERE version_id = @versionId AND resolved_at IS NULL", new { versionId = version.Id });
        var unanswered = await Consultation.ConsultationCounts.UnansweredAsync(session, version.Id);
        var missing = new[]
        {
            (content.Priorities ?? []).Count == 0 ? Text.Pick("priorytetu", "a priority") : null,
            (content.Goals ?? []).Count == 0 ? Text.Pick("celu", "a goal") : null,
            (content.Actions ?? []).Count == 0 ? Text.Pick("działania", "an action") : null,
            openComments > 0 ? Text.Pick($"rozstrzygnięcia uwag doradcy ({openComments})", $"resolving the advisor's comments ({openComments})") : null,
            unanswered > 0 ? Text.Pick($"odpowiedzi na uwagi z konsultacji ({unanswered})", $"answers to the consultation's comments ({unanswered})") : null,
        }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing);
            return Problems.Conflict("Planu nie można jeszcze przyjąć.", "The plan cannot be adopted yet.",
                $"Brakuje: {list}.", $"Missing: {list}.");
        }
        var now = time.GetUtcNow();
        await session.ExecuteAsync($"""
            UPDATE plan_versions SET status = '{PlanStatus.Superseded}', superseded_at = @now WHERE plan_id = @id AND status = '{PlanStatus.Adopted}';
            UPDATE plan_versions SET status = '{PlanStatus.Adopted}', adopted_on = @AdoptedOn, resolution_number = @resolution, adopted_by = @by, adopted_at = @now,
                                     updated_by = @by, updated_at = @now
            WHERE id = @versionId;
            """, new
        {
            id, versionId = version.Id, request.AdoptedOn, resolution = string.IsNullOrWhiteSpace(request.ResolutionNumber) ? null : request.ResolutionNumber.Trim(),
            by = context.User.PersonId(), now = now.ToUniversalTime(),
        });
        if (version.Number == 1)
        {
            // Implementation starts: the reporting periods count from this day, and exist as soon as the adoption does.
            await observer.FirstAdoptedAsync(session, id, version.JstTerc, request.AdoptedOn!.Value, now);
        }
        await session.EnqueueAsync(new PlanAdopted
        {
            PlanId = id, JstTerc = version.JstTerc, Version = version.Number, AdoptedOn = request.AdoptedOn!.Value,
            ResolutionNumber = string.IsNullOrWhiteSpace(request.ResolutionNumber) ? null : request.ResolutionNumber.Trim(),
            AmendmentReason = version.AmendmentReason, Priorities = content.Priorities!.Count, Actions = content.Actions!.Count,
            TotalBudget = content.Actions!.Sum(a => a.TotalBudget ?? 0), AdoptedAt = now,
        });
        var view = (await PlanView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
