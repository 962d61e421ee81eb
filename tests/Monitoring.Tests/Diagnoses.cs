using System.Net;
using System.Security.Claims;
using Cro.Monitoring.Features.Diagnosis;

namespace Cro.Monitoring.Tests;

/// <summary>
/// What the diagnosis tests share: the people who call (a JST's team, its advisor, a trainer), schools put into the
/// register as its own migration keeps them (rows inserted directly), a started diagnosis, school links, answers that
/// complete a questionnaire, and a fingerprint of everything the service keeps, to show that a refusal wrote nothing.
/// </summary>
internal static class Diagnoses
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string Api = "/api/monitoring";

    public static HttpClient Team(this MonitoringService service, string terc, string role = "jst-coordinator") =>
        service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), [role], jst: terc));

    /// <summary>An advisor whose token names the JST they advise (advised_jst), as identity issues it.</summary>
    public static HttpClient Advisor(this MonitoringService service, params string[] advised) => service.ClientWith(TestTokens.Create(
    [
        new("sub", Guid.CreateVersion7().ToString()), new("principal_type", "person"), new("role", "advisor"),
        .. advised.Select(terc => new Claim("advised_jst", terc)),
    ]));

    public static HttpClient Trainer(this MonitoringService service) => service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["trainer"]));

    // The tests use TERC codes of no real JST (województwo 99): the register imported at start-up holds none of their schools.
    /// <summary>Puts <paramref name="active"/> active schools (and <paramref name="closed"/> closed ones) of the JST into the register; the active ones' ids.</summary>
    public static async Task<IReadOnlyList<Guid>> AddSchoolsAsync(this MonitoringService service, string terc, int active, int closed = 0)
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= active + closed; i++)
        {
            var id = Guid.CreateVersion7();
            await service.QueryAsync<Guid>("""
                INSERT INTO schools (id, jst_terc, rspo_id, name, kind, status, town, source, closed_at, created_at, updated_at)
                VALUES (@id, @terc, NULL, @name, 'Szkoła podstawowa', @status, 'Testowo', 'team',
                        CASE WHEN @status = 'closed' THEN now() END, now(), now())
                RETURNING id
                """, new { id, terc, name = $"Szkoła Podstawowa nr {i} ({terc})", status = i <= active ? "active" : "closed" });
            if (i <= active)
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>A JST with <paramref name="schools"/> active schools, its team, and the team's baseline diagnosis.</summary>
    public static async Task<(HttpClient Team, DiagnosisView Diagnosis)> StartedAsync(this MonitoringService service, string terc, int schools = 2)
    {
        await service.AddSchoolsAsync(terc, schools);
        var team = service.Team(terc);
        var response = await team.PostAsJsonAsync($"{Api}/diagnoses", new { kind = "baseline" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (team, (await response.Content.ReadFromJsonAsync<DiagnosisView>(Ct))!);
    }

    public static IReadOnlyList<QuestionnaireSummary> Schools(this DiagnosisView diagnosis) => [.. diagnosis.Questionnaires.Where(q => q.SchoolId is not null)];

    public static async Task<SchoolLinks.IssuedLink> LinkAsync(this HttpClient team, Guid questionnaireId, DateOnly? expiresOn = null)
    {
        var response = await team.PostAsJsonAsync($"{Api}/questionnaires/{questionnaireId}/links", new { expiresOn }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SchoolLinks.IssuedLink>(Ct))!;
    }

    public static Task<HttpResponseMessage> SaveAsync(this HttpClient client, string questionnairePath, IReadOnlyDictionary<string, AnswerValue?> answers) =>
        client.PutAsJsonAsync($"{questionnairePath}/answers", new SaveAnswersRequest(answers), Ct);

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string questionnairePath) =>
        client.PostAsync($"{questionnairePath}/submit", null, Ct);

    public static async Task<QuestionnaireView> QuestionnaireAsync(this HttpClient client, string questionnairePath) =>
        (await client.GetFromJsonAsync<QuestionnaireView>(questionnairePath, Ct))!;

    public static async Task<InstrumentView> InstrumentAsync(this MonitoringService service, int? version = null) =>
        (await service.Anonymous.GetFromJsonAsync<InstrumentView>(
            version is null ? $"{Api}/diagnosis-instrument" : $"{Api}/diagnosis-instrument/versions/{version}", Ct))!;

    /// <summary>
    /// Answers to every required question of <paramref name="sections"/> that is asked when each choice takes its first
    /// option: the smallest number allowed, 3 on a scale, a sentence, one row in a group; <paramref name="with"/> over them.
    /// </summary>
    public static Dictionary<string, AnswerValue?> Complete(IReadOnlyList<SectionDefinition> sections, IReadOnlyDictionary<string, AnswerValue?>? with = null)
    {
        var answers = new Dictionary<string, AnswerValue?>();
        foreach (var question in sections.SelectMany(s => s.Questions).Where(q => q.Required))
        {
            answers[question.Key] = Answer(question);
        }
        foreach (var (key, value) in with ?? new Dictionary<string, AnswerValue?>())
        {
            answers[key] = value;
        }
        // Questions whose condition the first options do not meet are left out.
        foreach (var question in sections.SelectMany(s => s.Questions).Where(q => q.ShownIf is { } c && !(answers.GetValueOrDefault(c.Question)?.Chosen.Any(c.Options.Contains) ?? false)))
        {
            if (with?.ContainsKey(question.Key) != true)
            {
                answers.Remove(question.Key);
            }
        }
        return answers;
    }

    private static AnswerValue Answer(QuestionDefinition question) => question.Kind switch
    {
        QuestionKind.Number => new(Number: question.Min ?? 0),
        QuestionKind.SingleChoice => new(Choice: question.Options![0].Key),
        QuestionKind.MultipleChoice => new(Choices: [question.Options![0].Key]),
        QuestionKind.Scale => new(Scale: 3),
        QuestionKind.Text => new(Text: "Odpowiedź opisowa."),
        _ => new(Rows: [new AnswerRow("r1", question.Questions!.Where(c => c.Required).ToDictionary(c => c.Key, Answer))]),
    };

    /// <summary>
    /// A fingerprint of every table's content (and of the outbox's events, whose delivery the relay marks meanwhile): equal
    /// before and after a call when the call wrote nothing.
    /// </summary>
    public static async Task<string> ContentsAsync(this MonitoringService service) => string.Join(", ", await service.QueryAsync<string>("""
        SELECT c.relname || '=' || (xpath('/row/h/text()', query_to_xml(format(
            CASE c.relname WHEN 'outbox_messages' THEN 'SELECT md5(coalesce(string_agg(id::text || payload::text, '','' ORDER BY id), '''')) AS h FROM %I'
                           ELSE 'SELECT md5(coalesce(string_agg(t::text, '','' ORDER BY t::text), '''')) AS h FROM %I t' END,
            c.relname), false, true, '')))[1]::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'inbox_messages' ORDER BY c.relname
        """));

    /// <summary>The outbox's events of <paramref name="type"/> about one diagnosis.</summary>
    public static Task<IReadOnlyList<System.Text.Json.JsonElement>> EventsOfAsync(this MonitoringService service, string type, Guid diagnosisId) =>
        service.EventsAsync(type, e => e.GetProperty("diagnosisId").GetGuid() == diagnosisId);

    public static async Task<IDictionary<string, string[]>> ErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(Ct);
        return problem!.Errors;
    }
}
