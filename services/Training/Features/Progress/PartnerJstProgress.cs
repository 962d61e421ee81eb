using System.Text.RegularExpressions;
using Npgsql;

namespace Cro.Training.Features.Progress;

/// <summary>
/// GET /api/training/partner/jst-progress — how the training of each JST's task team goes, for the partner association
/// (scope training.read) and ORE: per JST, the participants enrolled now and, per module of the programme, how many of them
/// have completed it. Counts only, no person. A client limited to a set of JST (its members, client_jst claims) gets those
/// only; asking for another JST by <c>jstTerc</c> is a 403 naming it.
/// </summary>
public static partial class PartnerJstProgress
{
    /// <param name="Enrolled">Participants of the JST's teams now: not withdrawn, not left.</param>
    /// <param name="Modules">Every module of the current programme (M1 …), with how many of those participants have completed it.</param>
    [OpenApiSchemaName("JstTrainingProgress")]
    public sealed record JstProgress(string JstTerc, string JstName, int Enrolled, IReadOnlyList<ModuleProgress> Modules);

    [OpenApiSchemaName("JstModuleProgress")]
    public sealed record ModuleProgress(string ModuleCode, int Completed);

    public static RouteHandlerBuilder MapPartnerJstProgress(this IEndpointRouteBuilder api) => api
        .MapGet("/partner/jst-progress", HandleAsync)
        .WithName("PartnerJstProgress")
        .WithSummary("Postęp szkolenia JST: uczestnicy i ukończone moduły / JST's training progress: participants and modules completed")
        .WithDescription("Tylko liczby, bez danych osób. Klient ograniczony do JST członków widzi tylko je (inna JST w jstTerc: 403). / " +
            "Counts only, no personal data. A client limited to its members' JST sees only them (another JST in jstTerc: 403).")
        .Produces<IReadOnlyList<JstProgress>>()
        .ProducesValidationProblem()
        .RequireAuthorization(Policies.PartnerOrOperator(Scopes.TrainingRead));

    private sealed record Row(string JstTerc, string JstName, int Enrolled);

    private sealed record Completion(string JstTerc, string ModuleCode, int Completed);

    private static async Task<IResult> HandleAsync(string? jstTerc, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        if (jstTerc is not null && !Terc().IsMatch(jstTerc))
        {
            return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["jstTerc"] = [Text.Pick("Podaj kod TERC JST (2, 4 lub 7 cyfr).", "Give a JST's TERC code (2, 4 or 7 digits).")],
            });
        }
        if (jstTerc is not null && !context.User.ClientMayActFor(jstTerc))
        {
            return ProblemDetailsDefaults.OutsideClientJst(jstTerc);
        }
        var limit = context.User.ClientJstLimit();
        // Row-level security keeps a limited client's session to its JST; the team rows (no personal data, not under it) are filtered here.
        await using var session = await DataSession.OpenAsync(db, limit is null ? JstScope.All : JstScope.Of(limit.Where(t => Terc().IsMatch(t))), ct,
            System.Data.IsolationLevel.RepeatableRead);
        var parameters = new { terc = jstTerc, limit = limit?.ToArray() };
        var rows = (await session.QueryAsync<Row>(Sql, parameters)).ToList();
        var completions = (await session.QueryAsync<Completion>(CompletionsSql, parameters)).ToLookup(c => c.JstTerc);
        var modules = (await session.QueryAsync<string>(ModulesSql)).ToList();
        return TypedResults.Ok(rows.Select(r => new JstProgress(r.JstTerc, r.JstName, r.Enrolled,
            [.. modules.Select(code => new ModuleProgress(code, completions[r.JstTerc].FirstOrDefault(c => c.ModuleCode == code)?.Completed ?? 0))])).ToList());
    }

    /// <summary>The JST with a team in training now (the name of its latest acceptance) and their people enrolled.</summary>
    private const string Sql = """
        WITH jst AS (
            SELECT DISTINCT ON (t.jst_terc) t.jst_terc, t.jst_name FROM teams t
            WHERE t.withdrawn_at IS NULL AND (@terc::text IS NULL OR t.jst_terc = @terc) AND (@limit::text[] IS NULL OR t.jst_terc = ANY (@limit))
            ORDER BY t.jst_terc, t.accepted_at DESC NULLS LAST
        )
        SELECT j.jst_terc, j.jst_name,
               (SELECT count(*)::int FROM participants p JOIN teams t ON t.application_id = p.application_id
                WHERE p.jst_terc = j.jst_terc AND p.left_at IS NULL AND t.withdrawn_at IS NULL) AS enrolled
        FROM jst j ORDER BY j.jst_terc
        """;

    /// <summary>Modules completed by the people counted as enrolled above, by JST and module.</summary>
    private const string CompletionsSql = """
        SELECT c.jst_terc, c.module_code, count(*)::int AS completed
        FROM module_completions c JOIN participants p ON p.id = c.participant_id JOIN teams t ON t.application_id = p.application_id
        WHERE p.left_at IS NULL AND t.withdrawn_at IS NULL
          AND (@terc::text IS NULL OR c.jst_terc = @terc) AND (@limit::text[] IS NULL OR c.jst_terc = ANY (@limit))
        GROUP BY c.jst_terc, c.module_code
        """;

    /// <summary>The modules of the current programme version, in their order.</summary>
    private const string ModulesSql = """
        SELECT code FROM programme_modules WHERE version = (SELECT max(version) FROM programme_versions) ORDER BY ordinal
        """;

    [GeneratedRegex("^[0-9]{2}([0-9]{2}([0-9]{3})?)?$")]
    private static partial Regex Terc();
}
