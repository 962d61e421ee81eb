using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Rounds;
using Cro.ServiceDefaults;

namespace Cro.Recruitment.Tests;

/// <summary>Rounds and applications as the tests need them: an open round, a whole team, the declarations.</summary>
public static class Applicants
{
    public const string RuralBoleslawiec = "0201022";
    public const string RuralGromadka = "0201032";
    public const string RuralOsiecznica = "0201052";

    public static async Task<RoundResponse> OpenRoundAsync(RecruitmentService service, TimeSpan? closesIn = null, int teamMin = 3, int teamMax = 4,
        int capacity = 50)
    {
        var now = DateTimeOffset.UtcNow;
        var response = await service.Operator().PostAsJsonAsync("/api/recruitment/rounds", new CreateRound.CreateRoundRequest(
            $"Nabór {Guid.NewGuid():N}", now.AddDays(-1), now + (closesIn ?? TimeSpan.FromDays(30)), capacity,
            EligibleKinds: ["rural-municipality", "urban-rural-municipality", "urban-municipality"], teamMin, teamMax, 105, 45),
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RoundResponse>(TestContext.Current.CancellationToken))!;
    }

    private static readonly string[] Names = ["Anna Wójcik", "Piotr Kamiński", "Ewa Lewandowska", "Jan Zieliński", "Maria Szymańska"];

    /// <summary>A team of <paramref name="size"/> people with addresses of their own, the first one the coordinator.</summary>
    public static List<TeamMemberInput> Team(int size) =>
    [
        .. Enumerable.Range(0, size).Select(i => new TeamMemberInput(
            Names[i % Names.Length],
            $"osoba{i}.{Guid.NewGuid():N}@gmina.test", i == 0 ? "sekretarz gminy" : "inspektor ds. oświaty", "+48 600 100 200",
            i % 2 == 0 ? "woman" : "man", IsCoordinator: i == 0)),
    ];

    public static ApplicationForm WholeForm(string terc, IReadOnlyList<TeamMemberInput> team) => new(terc, team, SchoolsRun: 4, TookPartBefore: false,
        new Declarations(InformationClause.Version, CommitsToWholeCycle: true, ConsentsToPublishPractices: true));

    public static async Task<StartApplication.Started> StartAsync(RecruitmentService service, Guid roundId, ApplicationForm form)
    {
        var response = await service.Client.PostAsJsonAsync($"/api/recruitment/rounds/{roundId}/applications", form, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<StartApplication.Started>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Starts and submits a whole application for <paramref name="terc"/>.</summary>
    public static async Task<StartApplication.Started> SubmittedAsync(RecruitmentService service, Guid roundId, string terc, int teamSize = 3)
    {
        var started = await StartAsync(service, roundId, WholeForm(terc, Team(teamSize)));
        (await SubmitAsync(service, started)).EnsureSuccessStatusCode();
        return started;
    }

    /// <summary>A client opening applications with <paramref name="key"/>, as the e-mailed link does.</summary>
    public static HttpClient WithKey(RecruitmentService service, string key)
    {
        var client = service.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApplicationKey.Header, key);
        return client;
    }

    public static Task<HttpResponseMessage> SubmitAsync(RecruitmentService service, StartApplication.Started started) =>
        WithKey(service, started.Key).PostAsync($"/api/recruitment/applications/{started.Application.Id}/submit", null, TestContext.Current.CancellationToken);
}
