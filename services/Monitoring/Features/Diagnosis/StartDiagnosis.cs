namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// POST /api/monitoring/diagnoses — the JST's team opens a diagnosis of its schools: the baseline, then after 12 and
/// after 36 months (each once, the later ones after the baseline). It follows the instrument version current now for
/// good, and collects one questionnaire for each school active in the JST's register now, and one for the team itself.
/// Announced as DiagnosisStarted.
/// </summary>
public static class StartDiagnosis
{
    [OpenApiSchemaName("StartDiagnosisRequest")]
    public sealed record StartRequest(string Kind);

    public sealed class Validator : AbstractValidator<StartRequest>
    {
        public Validator() => RuleFor(r => r.Kind).Must(k => DiagnosisKind.All.Contains(k))
            .WithMessage(_ => Text.Pick($"Rodzaj diagnozy spośród: {string.Join(", ", DiagnosisKind.All)}.",
                $"The kind of diagnosis is one of: {string.Join(", ", DiagnosisKind.All)}."));
    }

    private sealed record School(Guid Id, string Name);

    public static RouteHandlerBuilder MapStartDiagnosis(this IEndpointRouteBuilder api) => api
        .MapPost("/diagnoses", HandleAsync)
        .WithName("StartDiagnosis").WithSummary("Rozpocznij diagnozę szkół JST / Start a diagnosis of the JST's schools")
        .Validate<StartRequest>().Produces<DiagnosisView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(StartRequest request, HttpContext context, DataSession session, InstrumentStore instruments, TimeProvider time)
    {
        if (context.User.JstTerc() is not { } terc || !session.Scope.CanSee(terc))
        {
            return Problems.Forbidden("Konto nie jest przypisane do JST.", "The account is not assigned to a JST.");
        }
        // Starts of one JST queue up, so two members starting the same diagnosis at once get one diagnosis and a 409.
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('cro-diagnosis:' || @terc))", new { terc });
        var kinds = (await session.QueryAsync<string>("SELECT kind FROM diagnoses WHERE jst_terc = @terc", new { terc })).ToList();
        if (kinds.Contains(request.Kind))
        {
            return Problems.Conflict("Ta diagnoza już istnieje.", "This diagnosis exists already.",
                "JST ma już diagnozę tego rodzaju; kolejne pomiary to diagnozy po 12 i po 36 miesiącach.",
                "The JST has a diagnosis of this kind already; the later measurements are the diagnoses after 12 and after 36 months.");
        }
        if (request.Kind != DiagnosisKind.Baseline && !kinds.Contains(DiagnosisKind.Baseline))
        {
            return Problems.Unprocessable("Najpierw przeprowadza się diagnozę wyjściową; pomiary po 12 i 36 miesiącach porównuje się z nią.",
                "The baseline diagnosis comes first; the measurements after 12 and 36 months are compared with it.");
        }
        var schools = (await session.QueryAsync<School>(
            "SELECT id, name FROM schools WHERE jst_terc = @terc AND status = 'active' ORDER BY name, id", new { terc })).ToList();
        if (schools.Count == 0)
        {
            return Problems.Unprocessable("Rejestr szkół JST nie ma żadnej czynnej szkoły; uzupełnij go przed diagnozą.",
                "The JST's schools register has no active school; complete it before the diagnosis.");
        }
        var instrument = (await instruments.FindAsync(session, null))!;
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var empty = new Dictionary<string, AnswerValue>();
        var (team, school) = (AnswerCheck.Progress(instrument, Respondent.Of(null), empty), AnswerCheck.Progress(instrument, Respondent.OfSchool, empty));
        await session.ExecuteAsync($"""
            INSERT INTO diagnoses (id, jst_terc, kind, instrument_version, started_by, started_at)
            VALUES (@id, @terc, @Kind, @version, @by, @now);
            INSERT INTO questionnaires (id, diagnosis_id, jst_terc, school_id, school_name, status, required_questions, answered_required)
            SELECT @teamQuestionnaire, @id, @terc, NULL, NULL, '{QuestionnaireStatus.Open}', @teamRequired, 0
            UNION ALL
            SELECT s.questionnaire, @id, @terc, s.school, s.name, '{QuestionnaireStatus.Open}', @schoolRequired, 0
            FROM unnest(@questionnaires, @schoolIds, @names) AS s(questionnaire, school, name);
            """, new
        {
            id, terc, request.Kind, version = instrument.Version, by = context.User.PersonId(), now = now.ToUniversalTime(),
            teamQuestionnaire = Guid.CreateVersion7(), teamRequired = team.RequiredQuestions, schoolRequired = school.RequiredQuestions,
            questionnaires = schools.Select(_ => Guid.CreateVersion7()).ToArray(), schoolIds = schools.Select(s => s.Id).ToArray(),
            names = schools.Select(s => s.Name).ToArray(),
        });
        await session.EnqueueAsync(new DiagnosisStarted
        {
            DiagnosisId = id, JstTerc = terc, Kind = request.Kind, InstrumentVersion = instrument.Version, Schools = schools.Count, StartedAt = now,
        });
        var view = (await DiagnosisView.FindAsync(session, id, now))!;
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/diagnoses/{id}", view);
    }
}
