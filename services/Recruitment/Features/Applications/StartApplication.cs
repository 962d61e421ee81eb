using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// POST /api/recruitment/rounds/{roundId}/applications — anyone starts an application for a JST while
/// the round is open. It is saved as a draft; the coordinator gets an e-mail with the link (and key)
/// that resumes it, so the form can be finished later or by someone else of the team.
/// </summary>
public static class StartApplication
{
    [OpenApiSchemaName("StartedApplication")]
    public sealed record Started(ApplicationView Application, string Key);

    private sealed record JstFacts(string Name, string Kind, string? SupersededBy);

    public static RouteHandlerBuilder MapStartApplication(this IEndpointRouteBuilder api) => api
        .MapPost("/rounds/{roundId:guid}/applications", HandleAsync)
        .WithName("StartApplication")
        .WithSummary("Rozpocznij wniosek JST (szkic) / Start a JST application (draft)")
        .Validate<ApplicationForm>()
        .Produces<Started>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .AllowAnonymous();

    private static async Task<IResult> HandleAsync(Guid roundId, ApplicationForm form, HttpContext context, NpgsqlDataSource db,
        TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        var (started, _, refusal) = await StartDraftAsync(roundId, form, proposedBy: null, context, db, time, configuration, ct);
        return started is null ? refusal! : TypedResults.Created($"/api/recruitment/applications/{started.Application.Id}", started);
    }

    /// <summary>
    /// Starts a draft and e-mails its link to the coordinator; <paramref name="proposedBy"/> names the partner client that proposed it.
    /// A partner's repeated proposal for the same JST and round returns its existing draft (<c>Repeated</c>, no key, no mail).
    /// </summary>
    internal static async Task<(Started? Started, bool Repeated, IResult? Refusal)> StartDraftAsync(Guid roundId, ApplicationForm form, string? proposedBy,
        HttpContext context, NpgsqlDataSource db, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // The draft is the chosen JST's: the session sees that JST's applications only (the form's code is validated).
        await using var session = await DataSession.OpenAsync(db, JstScope.Of([form.JstTerc]), ct);
        if (await session.QuerySingleOrDefaultAsync<RoundRow>(RoundRow.SelectSql + " WHERE r.id = @roundId", new { roundId }) is not { } round)
        {
            return (null, false, RoundRows.NotFound());
        }
        if (ApplicationRules.WindowProblem(round.OpensAt, round.ClosesAt, now) is { } closed)
        {
            return (null, false, closed);
        }
        var jst = await session.QuerySingleOrDefaultAsync<JstFacts>("SELECT name, kind, superseded_by FROM jst WHERE terc = @JstTerc", new { form.JstTerc });
        var coordinator = form.Team?.SingleOrDefault(m => m.IsCoordinator);
        var errors = new Dictionary<string, string[]>();
        if (jst is null)
        {
            errors["jstTerc"] = [Text.Pick($"W rejestrze nie ma JST o kodzie TERC {form.JstTerc}.", $"No JST with TERC code {form.JstTerc} is registered.")];
        }
        else if (jst.SupersededBy is { } city)
        {
            errors["jstTerc"] = [ApplicationRules.SupersededMessage(form.JstTerc, city)];
        }
        else if (!round.EligibleKinds.Contains(jst.Kind))
        {
            errors["jstTerc"] = [Text.Pick("Ten rodzaj JST nie może składać wniosku w tym naborze.", "This kind of JST cannot apply in this round.")];
        }
        if (coordinator is null)
        {
            errors["team"] = [Text.Pick("Podaj koordynatora zespołu: na jego adres wyślemy łącze do wniosku.",
                "Name the team's coordinator: the link to the application goes to their address.")];
        }
        if (errors.Count > 0)
        {
            return (null, false, ProblemDetailsDefaults.ValidationProblem(errors));
        }

        if (proposedBy is not null)
        {
            // A partner's client retries (timeouts, restarts): proposals of one client for one JST and round run one at a
            // time, so a repeat sees the first's committed draft instead of starting another and mailing the coordinator twice.
            await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@lock, 0))",
                new { @lock = $"partner-draft/{roundId}/{form.JstTerc}/{proposedBy}" });
            var existing = await session.QuerySingleOrDefaultAsync<Guid?>($"""
                SELECT id FROM applications
                WHERE round_id = @roundId AND jst_terc = @JstTerc AND proposed_by = @proposedBy AND status = '{ApplicationStatus.Draft}'
                ORDER BY created_at LIMIT 1
                """, new { roundId, form.JstTerc, proposedBy });
            if (existing is { } existingId)
            {
                // The key stays the coordinator's: the partner never sees it.
                return (new Started((await ApplicationStore.FindAsync(session, existingId))!.ToView(), Key: ""), true, null);
            }
        }

        // A draft that could never be submitted is not started (submitting would meet the unique index).
        if (await ApplicationRules.HasLiveApplicationAsync(session, roundId, form.JstTerc))
        {
            return (null, false, Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Wniosku nie można rozpocząć.", "The application cannot be started."),
                detail: ApplicationRules.AlreadyAppliedMessage));
        }
        var id = Guid.CreateVersion7();
        var key = ApplicationKey.New();
        await session.ExecuteAsync($"""
            INSERT INTO applications (id, round_id, jst_terc, status, key_hash, created_at, updated_at, proposed_by)
            VALUES (@id, @roundId, @JstTerc, '{ApplicationStatus.Draft}', @hash, @now, @now, @proposedBy)
            """, new { id, roundId, form.JstTerc, hash = ApplicationKey.Hash(key), now, proposedBy });
        await ApplicationStore.UpdateFormAsync(session, id, form, now);
        await ApplicationStore.ReplaceTeamAsync(session, id, roundId, form.JstTerc, form.Team!, now);
        await session.EnqueueAsync(new ApplicationDraftStarted
        {
            ApplicationId = id,
            RoundName = round.Name,
            JstTerc = form.JstTerc,
            JstName = jst!.Name,
            CoordinatorName = coordinator!.FullName.Trim(),
            CoordinatorEmail = coordinator.Email.Trim(),
            ResumeUrl = new Uri(PublicAddress.Of(configuration, context.Request), $"wniosek/{id}?klucz={key}"),
            RoundClosesAt = round.ClosesAt,
            ProposedBy = proposedBy,
        });
        var view = (await ApplicationStore.FindAsync(session, id))!.ToView();
        await session.CommitAsync();
        return (new Started(view, key), false, null);
    }
}
