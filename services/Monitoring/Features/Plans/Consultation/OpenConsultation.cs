namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// POST /api/monitoring/plans/{id}/consultation — the team opens the consultation of its plan's version being drafted
/// with the school community, from <c>opensOn</c> (today when not given) to <c>closesOn</c> (Warsaw days, both included,
/// at most <see cref="ConsultationPeriod.MaxDays"/> days, not ending in the past): the version moves from draft to consultation and is not
/// changed until the consultation closes. It needs at least one priority and one action to consult (409 naming what is
/// missing), and a draft (409 naming the version's state: a version is consulted once). The answer carries the public
/// link's token, once; only its hash is kept. Announced as PlanDraftOpenedForConsultation.
/// </summary>
public static class OpenConsultation
{

    /// <param name="OpensOn">The first day comments are taken (Europe/Warsaw); today when not given.</param>
    /// <param name="ClosesOn">The last day comments are taken (Europe/Warsaw).</param>
    [OpenApiSchemaName("OpenConsultationRequest")]
    public sealed record OpenRequest(
        [property: FieldLabel("Pierwszy dzień konsultacji", "First day of the consultation")] DateOnly? OpensOn,
        [property: FieldLabel("Ostatni dzień konsultacji", "Last day of the consultation")] DateOnly? ClosesOn);

    /// <param name="PublicLink">The public link to share, its token shown only now.</param>
    [OpenApiSchemaName("ConsultationOpened")]
    public sealed record Opened(ConsultationView Consultation, ConsultationLinks.IssuedConsultationLink PublicLink);

    public sealed class Validator : AbstractValidator<OpenRequest>
    {
        public Validator(TimeProvider time) => this.TermRules(r => r.OpensOn, r => r.ClosesOn, time);
    }

    public static RouteHandlerBuilder MapOpenConsultation(this IEndpointRouteBuilder api) => api
        .MapPost("/plans/{id:guid}/consultation", HandleAsync)
        .WithName("OpenPlanConsultation").WithSummary("Otwórz konsultacje projektu planu / Open the consultation of the plan's draft")
        .Validate<OpenRequest>().Produces<Opened>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, OpenRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await PlanVersionRow.ForTeamAsync(session, context.User, id) is not { } version)
        {
            return PlanVersionRow.NotFound();
        }
        if (version.Status != PlanStatus.Draft)
        {
            return PlanStatus.WrongState(version.Status, "do konsultacji kieruje się wersję w przygotowaniu, raz.",
                "a version is put to consultation while it is a draft, once.");
        }
        var content = version.Document;
        var missing = new[]
        {
            (content.Priorities ?? []).Count == 0 ? Text.Pick("priorytetu", "a priority") : null,
            (content.Actions ?? []).Count == 0 ? Text.Pick("działania", "an action") : null,
        }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing);
            return Problems.Conflict("Projektu planu nie można jeszcze skierować do konsultacji.", "The plan's draft cannot be put to consultation yet.",
                $"Brakuje: {list}.", $"Missing: {list}.");
        }
        var (now, by, consultationId) = (time.GetUtcNow(), context.User.PersonId(), Guid.CreateVersion7());
        var opensOn = request.OpensOn ?? DateOnly.FromDateTime(WarsawTime.InWarsaw(now).DateTime);
        await session.ExecuteAsync($"""
            INSERT INTO plan_consultations (id, plan_id, version_id, jst_terc, opens_on, closes_on, opened_by, opened_at)
            VALUES (@consultationId, @id, @versionId, @terc, @opensOn, @ClosesOn, @by, @now);
            UPDATE plan_versions SET status = '{PlanStatus.Consultation}', updated_by = @by, updated_at = @now WHERE id = @versionId;
            """, new { consultationId, id, versionId = version.Id, terc = version.JstTerc, opensOn, request.ClosesOn, by, now = now.ToUniversalTime() });
        var link = await ConsultationLinks.IssuePublicAsync(session, consultationId, version.JstTerc, by, now);
        await session.EnqueueAsync(new PlanDraftOpenedForConsultation
        {
            PlanId = id, ConsultationId = consultationId, JstTerc = version.JstTerc, Version = version.Number, OpensOn = opensOn,
            ClosesOn = request.ClosesOn!.Value, OpenedAt = now,
        });
        var consultation = (await ConsultationRow.LatestAsync(session, id))!;
        var view = await ConsultationView.BuildAsync(session, consultation, now);
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/plans/{id}/consultation", new Opened(view, link));
    }
}
