namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// POST /api/monitoring/diagnoses/{id}/submit — the JST's team submits its diagnosis to review by its advisor (or ORE),
/// first as a draft, again after a return for changes. It needs every active school's questionnaire submitted or
/// excused, the team's own questionnaire submitted, at least one finding and one recommendation, and after a return
/// every comment of the reviewer addressed: a 409 names what is missing, and another state (submitted, accepted) is a
/// 409 naming it. Announced as DiagnosisSubmitted.
/// </summary>
public static class SubmitDiagnosis
{
    private sealed record Readiness(int Schools, int SchoolsSubmitted, int SchoolsExcused, string[] SchoolsMissing, bool TeamSubmitted, int Findings,
        int Recommendations, int OpenComments)
    {
        [ExplicitConstructor]
        private Readiness() : this(0, 0, 0, [], false, 0, 0, 0)
        {
        }
    }

    public static RouteHandlerBuilder MapSubmitDiagnosis(this IEndpointRouteBuilder api) => api
        .MapPost("/diagnoses/{id:guid}/submit", HandleAsync)
        .WithName("SubmitDiagnosis").WithSummary("Prześlij diagnozę do oceny doradcy / Submit the diagnosis to the advisor's review")
        .Produces<ReviewDiagnosis.ReviewView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ReviewedDiagnosis.ForTeamAsync(session, context.User, id) is not { } diagnosis)
        {
            return DiagnosisView.NotFound();
        }
        if (!DiagnosisStatus.IsEditable(diagnosis.Status))
        {
            return DiagnosisStatus.WrongState(diagnosis.Status, "przesyła się diagnozę w przygotowaniu albo zwróconą do poprawy.",
                "a diagnosis is submitted while it is a draft or returned for changes.");
        }
        var ready = await session.QuerySingleAsync<Readiness>($"""
            SELECT count(*) FILTER (WHERE q.school_id IS NOT NULL)::int AS schools,
                   count(*) FILTER (WHERE q.school_id IS NOT NULL AND q.status = '{QuestionnaireStatus.Submitted}')::int AS schools_submitted,
                   count(*) FILTER (WHERE q.school_id IS NOT NULL AND q.status <> '{QuestionnaireStatus.Submitted}' AND q.excused_reason IS NOT NULL)::int AS schools_excused,
                   coalesce(array_agg(q.school_name ORDER BY q.school_name)
                       FILTER (WHERE q.school_id IS NOT NULL AND q.status <> '{QuestionnaireStatus.Submitted}' AND q.excused_reason IS NULL), ARRAY[]::text[]) AS schools_missing,
                   coalesce(bool_or(q.school_id IS NULL AND q.status = '{QuestionnaireStatus.Submitted}'), false) AS team_submitted,
                   (SELECT count(*) FROM diagnosis_findings WHERE diagnosis_id = @id)::int AS findings,
                   (SELECT count(*) FROM diagnosis_recommendations WHERE diagnosis_id = @id)::int AS recommendations,
                   (SELECT count(*) FROM diagnosis_review_comments WHERE diagnosis_id = @id AND addressed_at IS NULL)::int AS open_comments
            FROM questionnaires q WHERE q.diagnosis_id = @id
            """, new { id });
        var missing = new List<string>();
        if (ready.SchoolsMissing.Length > 0)
        {
            var names = string.Join(", ", ready.SchoolsMissing);
            missing.Add(Text.Pick($"kwestionariusze szkół ani przesłane, ani zwolnione z podaniem powodu ({ready.SchoolsMissing.Length}): {names}",
                $"school questionnaires neither submitted nor excused with a reason ({ready.SchoolsMissing.Length}): {names}"));
        }
        if (!ready.TeamSubmitted)
        {
            missing.Add(Text.Pick("przesłany kwestionariusz zespołu JST", "the JST team's questionnaire, submitted"));
        }
        if (ready.Findings == 0)
        {
            missing.Add(Text.Pick("co najmniej jedno ustalenie", "at least one finding"));
        }
        if (ready.Recommendations == 0)
        {
            missing.Add(Text.Pick("co najmniej jedna rekomendacja", "at least one recommendation"));
        }
        if (ready.OpenComments > 0)
        {
            missing.Add(Text.Pick($"odpowiedzi na uwagi oceniającego (bez odpowiedzi: {ready.OpenComments})",
                $"answers to the reviewer's comments (unanswered: {ready.OpenComments})"));
        }
        if (missing.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Diagnozy nie można jeszcze przesłać.", "The diagnosis cannot be submitted yet."),
                detail: Text.Pick("Brakuje: ", "Missing: ") + string.Join("; ", missing) + ".",
                extensions: new Dictionary<string, object?> { ["missing"] = missing });
        }
        var now = time.GetUtcNow();
        var round = diagnosis.Round + 1;
        var by = context.User.PersonId();
        await session.ExecuteAsync($"""
            UPDATE diagnoses SET status = '{DiagnosisStatus.Submitted}', round = @round, submitted_at = @now, submitted_by = @by WHERE id = @id
            """, new { id, round, now = now.ToUniversalTime(), by });
        await diagnosis.RecordAsync(session, ReviewAction.Submitted, round, null, by, now);
        await session.EnqueueAsync(new DiagnosisSubmitted
        {
            DiagnosisId = id, JstTerc = diagnosis.JstTerc, Kind = diagnosis.Kind, InstrumentVersion = diagnosis.InstrumentVersion, Round = round,
            SchoolsSubmitted = ready.SchoolsSubmitted, SchoolsExcused = ready.SchoolsExcused, Findings = ready.Findings,
            Recommendations = ready.Recommendations, SubmittedAt = now,
        });
        var view = (await ReviewDiagnosis.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
