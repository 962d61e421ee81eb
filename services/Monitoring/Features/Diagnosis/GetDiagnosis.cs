namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// GET /api/monitoring/diagnoses/{id} — a diagnosis and how its collection goes: each school's questionnaire (and the
/// team's) with its status, progress (required questions answered of those asked) and its school link's state, and the
/// completion across schools. The JST's team, its advisor and ORE see it; anyone else's answer is 404.
/// </summary>
public static class GetDiagnosis
{
    public static RouteHandlerBuilder MapGetDiagnosis(this IEndpointRouteBuilder api) => api
        .MapGet("/diagnoses/{id:guid}", HandleAsync)
        .WithName("GetDiagnosis").WithSummary("Diagnoza i postęp zbierania danych w szkołach / A diagnosis and its collection across schools")
        .Produces<DiagnosisView>().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.AdvisoryParty);

    private static async Task<IResult> HandleAsync(Guid id, [RepeatableRead] DataSession session, TimeProvider time) =>
        await DiagnosisView.FindAsync(session, id, time.GetUtcNow()) is { } view ? TypedResults.Ok(view) : DiagnosisView.NotFound();
}

public static class DiagnosisKind
{
    public const string Baseline = "baseline";
    public const string After12Months = "after-12-months";
    public const string After36Months = "after-36-months";

    public static readonly IReadOnlyList<string> All = [Baseline, After12Months, After36Months];
}

/// <param name="Kind"><see cref="DiagnosisKind"/>: baseline, after-12-months, after-36-months.</param>
/// <param name="CollectionClosedAt">When the team ended collection (school links stopped working); null while it collects.</param>
/// <param name="Status"><see cref="DiagnosisStatus"/>: draft, submitted (to review), returned (for changes), accepted.</param>
/// <param name="Questionnaires">The JST team's own first (no school), then the schools' by name.</param>
[OpenApiSchemaName("Diagnosis")]
public sealed record DiagnosisView(Guid Id, string JstTerc, string? JstName, string Kind, int InstrumentVersion, DateTimeOffset StartedAt,
    DateTimeOffset? CollectionClosedAt, string Status, DiagnosisCompletion Completion, IReadOnlyList<QuestionnaireSummary> Questionnaires)
{
    private sealed record Head(Guid Id, string JstTerc, string? JstName, string Kind, int InstrumentVersion, DateTimeOffset StartedAt, DateTimeOffset? CollectionClosedAt,
        string Status);

    private sealed record Row(Guid Id, Guid? SchoolId, string? SchoolName, string Status, int RequiredQuestions, int AnsweredRequired, DateTimeOffset? UpdatedAt,
        DateTimeOffset? SubmittedAt, string? ExcusedReason, Guid? LinkId, DateTimeOffset? LinkIssuedAt, DateTimeOffset? LinkExpiresAt, string? LinkRevokedHow,
        DateTimeOffset? LinkRevokedAt, DateTimeOffset? LinkLastUsedAt);

    public static async Task<DiagnosisView?> FindAsync(DataSession session, Guid id, DateTimeOffset now)
    {
        using var rows = await session.QueryMultipleAsync("""
            SELECT d.id, d.jst_terc, j.name AS jst_name, d.kind, d.instrument_version, d.started_at, d.collection_closed_at, d.status
            FROM diagnoses d LEFT JOIN jst j ON j.terc = d.jst_terc WHERE d.id = @id;

            SELECT q.id, q.school_id, q.school_name, q.status, q.required_questions, q.answered_required, q.updated_at, q.submitted_at, q.excused_reason,
                   l.id AS link_id, l.issued_at AS link_issued_at, l.expires_at AS link_expires_at, l.revoked_how AS link_revoked_how,
                   l.revoked_at AS link_revoked_at, l.last_used_at AS link_last_used_at
            FROM questionnaires q
            LEFT JOIN LATERAL (SELECT * FROM questionnaire_links l WHERE l.questionnaire_id = q.id ORDER BY l.issued_at DESC LIMIT 1) l ON true
            WHERE q.diagnosis_id = @id
            ORDER BY q.school_id IS NOT NULL, q.school_name, q.id;
            """, new { id });
        if (await rows.ReadSingleOrDefaultAsync<Head>() is not { } head)
        {
            return null;
        }
        var questionnaires = (await rows.ReadAsync<Row>()).Select(q => new QuestionnaireSummary(q.Id, q.SchoolId, q.SchoolName, q.Status,
            QuestionnaireProgress.Of(q.RequiredQuestions, q.AnsweredRequired), q.UpdatedAt, q.SubmittedAt, q.ExcusedReason,
            q.LinkId is { } link
                ? new LinkView(link, q.LinkIssuedAt!.Value, q.LinkExpiresAt, LinkState.Of(q.LinkRevokedHow, q.LinkExpiresAt, head.CollectionClosedAt, now),
                    q.LinkRevokedAt, q.LinkLastUsedAt)
                : null)).ToList();
        var schools = questionnaires.Where(q => q.SchoolId is not null).ToList();
        var completion = new DiagnosisCompletion(schools.Count, schools.Count(q => q.Status == QuestionnaireStatus.Submitted),
            schools.Count(q => q.UpdatedAt is null), schools.Count == 0 ? 0 : (int)schools.Average(q => q.Progress.Percent));
        return new DiagnosisView(head.Id, head.JstTerc, head.JstName, head.Kind, head.InstrumentVersion, head.StartedAt, head.CollectionClosedAt,
            head.Status, completion, questionnaires);
    }

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej diagnozy.", "There is no such diagnosis.");
}

/// <summary>Completion across the diagnosis's schools.</summary>
/// <param name="SchoolsNotStarted">Schools whose questionnaire has no answer yet.</param>
/// <param name="AveragePercent">The schools' progress, averaged (rounded down).</param>
[OpenApiSchemaName("DiagnosisCompletion")]
public sealed record DiagnosisCompletion(int Schools, int SchoolsSubmitted, int SchoolsNotStarted, int AveragePercent);

/// <param name="SchoolId">Null for the JST team's own questionnaire.</param>
/// <param name="ExcusedReason">Why the team excused the school from the questionnaire; null when it is not excused.</param>
/// <param name="LatestLink">The school's most recent link (never its token), if one was issued.</param>
[OpenApiSchemaName("DiagnosisQuestionnaireSummary")]
public sealed record QuestionnaireSummary(Guid Id, Guid? SchoolId, string? SchoolName, string Status, QuestionnaireProgress Progress,
    DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt, string? ExcusedReason, LinkView? LatestLink);
