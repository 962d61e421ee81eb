using System.Globalization;
using Cro.BuildingBlocks.Exports;

namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// Survey results. ORE (Policies.Operator): GET /api/evaluation/surveys/results?by= the groups of a kind with their numbers of
/// answers; GET …/results/export?by=&amp;format= the aggregates of every group of a kind as CSV or XLSX (groups below the threshold
/// without figures, open answers never). GET …/results/{by}/{key} one group's results: ORE any group, a trainer or an advisor
/// only their own (known by the address of their account: the trainer of the cohorts' modules, the advisor of the engagements),
/// another's is 404; GET …/results/own lists a trainer's and an advisor's own groups.
/// </summary>
public static class SurveyResults
{
    public static IEndpointRouteBuilder MapSurveyResults(this IEndpointRouteBuilder api)
    {
        api.MapGet("/surveys/results", ListAsync)
            .WithName("ListSurveyGroups").WithSummary("Grupy wyników ankiet / Groups of survey results")
            .Produces<GroupList>().ProducesValidationProblem()
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/surveys/results/export", ExportAsync)
            .WithName("ExportSurveyResults").WithSummary("Wyniki ankiet (CSV, XLSX) / Survey results (CSV, XLSX)")
            .ProducesTable().ProducesValidationProblem()
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/surveys/results/own", OwnAsync)
            .WithName("ListMySurveyGroups").WithSummary("Moje grupy wyników ankiet (trener, doradca) / My groups of survey results (trainer, advisor)")
            .Produces<OwnGroups>()
            .RequireAuthorization(Policies.ProgrammeStaff);
        api.MapGet("/surveys/results/{by}/{key}", GroupAsync)
            .WithName("GetSurveyGroupResult").WithSummary("Wyniki ankiet grupy / A group's survey results")
            .Produces<GroupResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ProgrammeStaff);
        return api;
    }

    private static async Task<IResult> ListAsync(DataSession session, string by = SurveyGroups.Module)
    {
        if (!SurveyGroups.All.Contains(by))
        {
            return SurveyGroups.UnknownKind();
        }
        var threshold = (await SurveySettings.ReadAsync(session)).MinGroupSize;
        var groups = await session.QueryAsync<(string Key, string Label, int Answers)>(SurveyGroups.ListSql(by));
        return TypedResults.Ok(new GroupList(by, threshold, [.. groups.Select(g => new GroupSummary(g.Key, g.Label, g.Answers, g.Answers >= threshold))]));
    }

    private static async Task<IResult> GroupAsync(string by, string key, HttpContext context, DataSession session)
    {
        if (!SurveyGroups.All.Contains(by))
        {
            return SurveyGroups.UnknownKind();
        }
        if (!context.User.IsOreStaff() && !await IsOwnAsync(session, context.User, by, key))
        {
            return NotFound();
        }
        return await ResultAsync(session, by, key) is { } result ? TypedResults.Ok(result) : NotFound();
    }

    private static string EmailOf(System.Security.Claims.ClaimsPrincipal user) => user.FindFirst(CroClaims.Email)?.Value ?? "";

    /// <summary>Whether the group is the caller's own: they are its trainer, or its advisor (by their account's address).</summary>
    private static async Task<bool> IsOwnAsync(DataSession session, System.Security.Claims.ClaimsPrincipal user, string by, string key) =>
        Guid.TryParse(key, out var id) && EmailOf(user) is { Length: > 0 } email && by switch
        {
            SurveyGroups.Trainer when user.HasClaim(CroClaims.Role, Roles.Trainer) => await session.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM survey_trainers WHERE id = @id AND email = lower(@email))", new { id, email }),
            SurveyGroups.Advisor when user.HasClaim(CroClaims.Role, Roles.Advisor) => await session.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM survey_advisors WHERE id = @id AND lower(email) = lower(@email))", new { id, email }),
            _ => false,
        };

    private static async Task<IResult> OwnAsync(HttpContext context, DataSession session)
    {
        var email = EmailOf(context.User);
        var threshold = (await SurveySettings.ReadAsync(session)).MinGroupSize;
        var groups = new List<OwnGroup>();
        if (context.User.HasClaim(CroClaims.Role, Roles.Trainer))
        {
            groups.AddRange((await session.QueryAsync<(string Key, string Label, int Answers)>("""
                SELECT t.id::text, t.full_name, count(a.id)::int
                FROM survey_trainers t
                LEFT JOIN survey_cohort_trainers ct ON ct.trainer_id = t.id
                LEFT JOIN survey_answers a ON a.cohort_id = ct.cohort_id AND a.module_code = ct.module_code
                WHERE t.email = lower(@email) AND @email <> ''
                GROUP BY t.id, t.full_name
                """, new { email })).Select(g => new OwnGroup(SurveyGroups.Trainer, g.Key, g.Label, g.Answers, g.Answers >= threshold)));
        }
        if (context.User.HasClaim(CroClaims.Role, Roles.Advisor))
        {
            groups.AddRange((await session.QueryAsync<(string Key, string Label, int Answers)>("""
                SELECT d.id::text, d.full_name, count(a.id)::int
                FROM survey_advisors d LEFT JOIN survey_answers a ON a.advisor_id = d.id
                WHERE lower(d.email) = lower(@email) AND @email <> ''
                GROUP BY d.id, d.full_name
                """, new { email })).Select(g => new OwnGroup(SurveyGroups.Advisor, g.Key, g.Label, g.Answers, g.Answers >= threshold)));
        }
        return TypedResults.Ok(new OwnGroups(threshold, groups));
    }

    public static async Task<GroupResult?> ResultAsync(DataSession session, string by, string key)
    {
        if (SurveyGroups.Where(by, key) is not { } where || await SurveyGroups.LabelAsync(session, by, key) is not { } label)
        {
            return null;
        }
        var threshold = (await SurveySettings.ReadAsync(session)).MinGroupSize;
        var (answers, questions) = await SurveyGroups.AggregateAsync(session, where, new { key }, threshold);
        return new GroupResult(by, key, label, answers, threshold, answers >= threshold && answers > 0, questions);
    }

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej grupy wyników ankiet.", "There is no such group of survey results.");

    /// <summary>What a group below the threshold shows instead of figures.</summary>
    public static string TooFew(int threshold) => Text.Pick($"za mało odpowiedzi (n < {threshold})", $"too few answers (n < {threshold})");

    private static async Task<IResult> ExportAsync(HttpContext context, [RepeatableRead] DataSession session, string by = SurveyGroups.Module,
        string format = TableExport.Csv)
    {
        if (TableExport.FormatRefusal(format) is { } refusal)
        {
            return refusal;
        }
        if (!SurveyGroups.All.Contains(by))
        {
            return SurveyGroups.UnknownKind();
        }
        var threshold = (await SurveySettings.ReadAsync(session)).MinGroupSize;
        string[] headers = ["Grupa", "Klucz", "Nazwa", "Liczba odpowiedzi", "Pytanie", "Miara", "Wartość"];
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var group in await session.QueryAsync<(string Key, string Label, int Answers)>(SurveyGroups.ListSql(by)))
        {
            IReadOnlyList<string?> Row(string? question, string measure, string? value) =>
                [SurveyGroups.Label(by), group.Key, group.Label, group.Answers.ToString(CultureInfo.InvariantCulture), question, measure, value];
            if (group.Answers < threshold)
            {
                rows.Add(Row(null, TooFew(threshold), null));
                continue;
            }
            var (_, questions) = await SurveyGroups.AggregateAsync(session, SurveyGroups.Where(by, group.Key)!, new { key = group.Key }, threshold);
            foreach (var question in questions)
            {
                switch (question.Kind)
                {
                    case QuestionKinds.Scale:
                        rows.Add(Row(question.Text, "średnia (1–5)", question.Mean?.ToString("0.00", CultureInfo.InvariantCulture)));
                        rows.AddRange(question.Distribution!.Select((count, i) =>
                            Row(question.Text, $"liczba ocen {i + 1}", count.ToString(CultureInfo.InvariantCulture))));
                        break;
                    case QuestionKinds.Choice:
                        rows.AddRange(question.Options!.Select(o => Row(question.Text, $"liczba wyborów: {o.Text}", o.Count.ToString(CultureInfo.InvariantCulture))));
                        break;
                    default:
                        rows.Add(Row(question.Text, "liczba odpowiedzi otwartych", question.Answered.ToString(CultureInfo.InvariantCulture)));
                        break;
                }
            }
        }
        return await TableExport.WriteAsync(context.Response, format, $"wyniki-ankiet-{by}", headers, rows, session.Cancellation);
    }
}

/// <param name="By">trainer or advisor.</param>
[OpenApiSchemaName("SurveyOwnGroup")]
public sealed record OwnGroup(string By, string Key, string Label, int Answers, bool Enough);

/// <param name="Threshold">The least number of answers a group shows figures from.</param>
[OpenApiSchemaName("SurveyOwnGroups")]
public sealed record OwnGroups(int Threshold, IReadOnlyList<OwnGroup> Groups);
