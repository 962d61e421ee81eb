namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// A school's questionnaire through its director's link, without an account: GET /api/monitoring/public/questionnaires/{token}
/// (the school's sections — the director's and those for the school's IT administrator — with the answers so far), PUT
/// …/answers and …/answers/{questionKey} (saved as given), POST …/submit. The link reaches its own school's questionnaire
/// and nothing else. A link revoked, replaced by a newer one, past its day, or of a diagnosis that stopped collecting
/// answers 410 with the reason; a token that names no link 404. While the diagnosis is submitted to review or accepted, a
/// working link still reads, and saving or submitting answers 409 naming the diagnosis's state.
/// </summary>
public static class PublicQuestionnaire
{
    public static string PathOf(string token) => $"/api/monitoring/public/questionnaires/{token}";

    private sealed record LinkRow(Guid Id, Guid QuestionnaireId, DateTimeOffset? ExpiresAt, string? RevokedHow, DateTimeOffset? RevokedAt,
        DateTimeOffset? CollectionClosedAt);

    public static IEndpointRouteBuilder MapPublicQuestionnaire(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/questionnaires/{token}", GetAsync)
            .WithName("GetSchoolQuestionnaireByLink").WithSummary("Kwestionariusz szkoły z łącza dyrektora / A school's questionnaire through the director's link")
            .Produces<QuestionnaireView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapPut("/public/questionnaires/{token}/answers", SaveAsync)
            .WithName("SaveSchoolAnswersByLink").WithSummary("Zapisz odpowiedzi szkoły / Save the school's answers")
            .Validate<SaveAnswersRequest>().Produces<QuestionnaireState>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapPut("/public/questionnaires/{token}/answers/{questionKey}", SaveOneAsync)
            .WithName("SaveSchoolAnswerByLink").WithSummary("Zapisz odpowiedź szkoły na jedno pytanie / Save the school's answer to one question")
            .Produces<QuestionnaireState>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapPost("/public/questionnaires/{token}/submit", SubmitAsync)
            .WithName("SubmitSchoolQuestionnaireByLink").WithSummary("Prześlij kwestionariusz szkoły / Submit the school's questionnaire")
            .Produces<QuestionnaireState>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        return api;
    }

    private static Task<IResult> GetAsync(string token, NpgsqlDataSource db, InstrumentStore instruments, TimeProvider time, CancellationToken ct) =>
        WithLinkAsync(db, token, time, ct, async (session, questionnaire, _, now) =>
        {
            var view = await QuestionnaireView.BuildAsync(session, instruments, questionnaire, withLinks: false, now);
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });

    private static Task<IResult> SaveAsync(string token, SaveAnswersRequest request, NpgsqlDataSource db, InstrumentStore instruments, TimeProvider time,
        CancellationToken ct) =>
        WithLinkAsync(db, token, time, ct, (session, questionnaire, link, now) =>
            Questionnaires.SaveAsync(session, instruments, questionnaire, request.Answers, new Answerer(null, link), now));

    private static Task<IResult> SaveOneAsync(string token, string questionKey, AnswerValue answer, NpgsqlDataSource db, InstrumentStore instruments,
        TimeProvider time, CancellationToken ct) =>
        WithLinkAsync(db, token, time, ct, (session, questionnaire, link, now) =>
            Questionnaires.SaveAsync(session, instruments, questionnaire, new Dictionary<string, AnswerValue?> { [questionKey] = answer }, new Answerer(null, link), now));

    private static Task<IResult> SubmitAsync(string token, NpgsqlDataSource db, InstrumentStore instruments, TimeProvider time, CancellationToken ct) =>
        WithLinkAsync(db, token, time, ct, (session, questionnaire, link, now) =>
            Questionnaires.SubmitAsync(session, instruments, questionnaire, new Answerer(null, link), now));

    /// <summary>
    /// Runs <paramref name="act"/> on the link's questionnaire (locked), in a session scoped to the link's JST, when the link
    /// works; the link's last use is recorded with whatever <paramref name="act"/> commits.
    /// </summary>
    private static async Task<IResult> WithLinkAsync(NpgsqlDataSource db, string token, TimeProvider time, CancellationToken ct,
        Func<DataSession, QuestionnaireRow, Guid, DateTimeOffset, Task<IResult>> act)
    {
        var now = time.GetUtcNow();
        var hash = LinkTokens.Hash(token);
        await using var session = await DataSession.OpenAsync(db, async (transaction, ct) =>
        {
            await using var lookup = new NpgsqlCommand("SELECT questionnaire_link_jst(@hash)", transaction.Connection, transaction);
            lookup.Parameters.AddWithValue("hash", (object?)hash ?? DBNull.Value);
            return await lookup.ExecuteScalarAsync(ct) is string terc ? JstScope.Of([terc]) : JstScope.None;
        }, ct);
        var link = await session.QuerySingleOrDefaultAsync<LinkRow>("""
            SELECT l.id, l.questionnaire_id, l.expires_at, l.revoked_how, l.revoked_at, d.collection_closed_at
            FROM questionnaire_links l JOIN questionnaires q ON q.id = l.questionnaire_id JOIN diagnoses d ON d.id = q.diagnosis_id
            WHERE l.token_hash = @hash
            """, new { hash });
        if (link is null)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego łącza do kwestionariusza szkoły. Sprawdź, czy adres jest skopiowany w całości.",
                "There is no such link to a school questionnaire. Check that the whole address was copied.");
        }
        if (Gone(link) is { } gone)
        {
            return gone;
        }
        var questionnaire = (await Questionnaires.FindAsync(session, link.QuestionnaireId, forUpdate: true))!;
        await session.ExecuteAsync("UPDATE questionnaire_links SET last_used_at = @now WHERE id = @Id", new { link.Id, now = now.ToUniversalTime() });
        return await act(session, questionnaire, link.Id, now);

        IResult? Gone(LinkRow link) => LinkState.Of(link.RevokedHow, link.ExpiresAt, link.CollectionClosedAt, now) switch
        {
            LinkState.Revoked => Gone410(link.RevokedAt!.Value, "Zespół JST unieważnił to łącze {0}. Jeśli szkoła nadal wypełnia kwestionariusz, poproś zespół o nowe łącze.",
                "The JST's team revoked this link on {0}. If the school is still filling in the questionnaire, ask the team for a new link."),
            LinkState.Replaced => Gone410(link.RevokedAt!.Value, "To łącze zastąpiono {0} nowym. Użyj najnowszego łącza od zespołu JST.",
                "This link was replaced by a new one on {0}. Use the latest link from the JST's team."),
            LinkState.Expired when link.CollectionClosedAt is { } closed => Gone410(closed,
                "Zespół JST zakończył zbieranie danych w tej diagnozie {0}; łącze już nie działa.",
                "The JST's team ended collection in this diagnosis on {0}; the link no longer works."),
            LinkState.Expired => Gone410(link.ExpiresAt!.Value, "Łącze było ważne do {0}. Poproś zespół JST o nowe łącze.",
                "The link was valid until {0}. Ask the JST's team for a new link."),
            _ => null,
        };
    }

    private static IResult Gone410(DateTimeOffset at, string detailPl, string detailEn) =>
        Results.Problem(statusCode: StatusCodes.Status410Gone,
            title: Text.Pick("Łącze do kwestionariusza nie jest już ważne.", "The link to the questionnaire is no longer valid."),
            detail: string.Format(System.Globalization.CultureInfo.InvariantCulture, Text.Pick(detailPl, detailEn), WarsawTime.Format(at)));
}
