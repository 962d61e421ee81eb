using System.Security.Claims;
using Cro.Publishing.Features.Conferences;
using Cro.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.Publishing.Tests;

/// <summary>
/// The publishing service in-process (see <see cref="ServiceUnderTest{TProgram}"/>), with the steps the tests share:
/// JST arriving from recruitment's registry, accepted task teams and advisors arriving from recruitment and advisory, the
/// clients of each kind of caller; the secret mailed links are derived with (shared with notifications); the conference
/// deadline job, which the tests run when they have moved the clock rather than wait for its tick.
/// </summary>
public class PublishingService() : ServiceUnderTest<Program>("publishing")
{
    /// <summary>The largest files this service takes in tests (smaller than in production, to reach them).</summary>
    public const int MaxAttachmentBytes = 200_000;
    public const int MaxPhotoBytes = 100_000;

    public const string LinkSecret = "test-conference-link-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Publishing:Files:MaxAttachmentBytes"] = MaxAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Publishing:Files:MaxPhotoBytes"] = MaxPhotoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SchoolLinks:Secret"] = LinkSecret,
        ["Conferences:DeadlinePollInterval"] = "01:00:00",
    };

    /// <summary>A member of a JST's task team as recruitment named them.</summary>
    public sealed record Person(Guid MemberId, string FullName, string Email);

    /// <summary>A JST in the registry with its accepted task team: a coordinator and two members.</summary>
    public sealed record Team(string Terc, string JstName, Person Coordinator, Person Member, Person Third);

    /// <summary>The links and codes as the service (and notifications, for the mailed ones) derive them.</summary>
    public ConferenceLinks Links => Factory.Services.GetRequiredService<ConferenceLinks>();

    /// <summary>Runs the deadline job until nothing is due (as its ticks would).</summary>
    public async Task RunDeadlinesAsync()
    {
        var deadlines = Factory.Services.GetRequiredService<ConferenceDeadlines>();
        while (await deadlines.RunNextAsync(TestContext.Current.CancellationToken))
        {
        }
    }

    /// <summary>A JST of the registry, as recruitment announces it; waits until the service knows it.</summary>
    public async Task RegisterJstAsync(string terc, string name, string kind)
    {
        await PublishTwiceAsync(new JstRegistered { Terc = terc, Name = name, Kind = kind, VoivodeshipTerc = terc[..2], RegisteredAt = DateTimeOffset.UtcNow });
        await Eventually.GetAsync(() => QueryAsync<string>("SELECT terc FROM jst WHERE terc = @terc AND name = @name", new { terc, name }),
            rows => rows.Count == 1, what: $"JST {terc}");
    }

    /// <summary>
    /// <paramref name="terc"/> in the registry (with its województwo, <paramref name="voivodeship"/>), and its accepted team, as
    /// recruitment announces them; waits until the service knows the team.
    /// </summary>
    public async Task<Team> JstWithTeamAsync(string terc, string name, string kind = "rural-municipality", string voivodeship = "dolnośląskie")
    {
        await RegisterJstAsync(terc[..2], voivodeship, "voivodeship");
        await RegisterJstAsync(terc, name, kind);
        Person New(string who) => new(Guid.CreateVersion7(), who, $"{who.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@{terc}.example.pl");
        var team = new Team(terc, name, New("Anna Koordynatorka"), New("Jan Członek"), New("Ewa Trzecia"));
        var applicationId = Guid.CreateVersion7();
        await PublishTwiceAsync(new ApplicationAccepted
        {
            ApplicationId = applicationId, RoundId = Guid.CreateVersion7(), RoundName = "Nabór testowy", JstTerc = terc, JstName = name, JstKind = kind,
            VoivodeshipTerc = terc[..2], Score = 40, ScoringVersion = 1, PromotedFromReserve = false, AcceptedAt = DateTimeOffset.UtcNow,
            Team = [.. new[] { team.Coordinator, team.Member, team.Third }.Select((p, i) => new TaskTeamMember
            {
                MemberId = p.MemberId, FullName = p.FullName, Email = p.Email, Position = "urzędnik", Sex = i == 1 ? "man" : "woman", IsCoordinator = i == 0,
            })],
        });
        await Eventually.GetAsync(() => QueryAsync<Guid>("SELECT member_id FROM team_members WHERE jst_terc = @terc", new { terc }),
            rows => rows.Count == 3, what: $"the team of {terc}");
        return team;
    }

    /// <summary>An advisor of <paramref name="terc"/>, as advisory announces them; waits until the service knows them. Returns their address.</summary>
    public async Task<string> AssignAdvisorAsync(string terc, string fullName = "Piotr Doradca")
    {
        var email = $"doradca-{Guid.NewGuid():N}@ore.example.pl";
        var engagementId = Guid.CreateVersion7();
        await PublishTwiceAsync(new AdvisorAssigned
        {
            EngagementId = engagementId, ApplicationId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), JstTerc = terc, JstName = terc,
            AdvisorId = Guid.CreateVersion7(), AdvisorEmail = email, AdvisorName = fullName, StartsOn = DateOnly.FromDateTime(DateTime.UtcNow),
            EndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)), HoursBudget = 40, AssignedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.GetAsync(() => QueryAsync<Guid>("SELECT engagement_id FROM jst_advisors WHERE engagement_id = @engagementId", new { engagementId }),
            rows => rows.Count == 1, what: $"the advisor of {terc}");
        return email;
    }

    /// <summary>A member of the team signed in, as identity issues their token (the coordinator's role for the coordinator).</summary>
    public HttpClient As(Team team, Person person, Guid? userId = null) => ClientWith(TestTokens.Person(userId ?? Guid.CreateVersion7(),
        [person == team.Coordinator ? Roles.JstCoordinator : Roles.JstMember], jst: team.Terc, email: person.Email, name: person.FullName));

    /// <summary>An advisor signed in, their token naming the JST they advise now (advised_jst claims).</summary>
    public HttpClient Advisor(string email, params string[] advised) => ClientWith(TestTokens.Create(
    [
        new(CroClaims.Subject, Guid.CreateVersion7().ToString()), new(CroClaims.PrincipalType, CroClaims.Person), new(CroClaims.Role, Roles.Advisor),
        new(CroClaims.Email, email), new(CroClaims.Name, "Piotr Doradca"), .. advised.Select(terc => new Claim(CroClaims.AdvisedJst, terc)),
    ]));

    public HttpClient Editor(Guid? userId = null) =>
        ClientWith(TestTokens.Person(userId ?? Guid.CreateVersion7(), [Roles.Operator], email: $"redakcja-{Guid.NewGuid():N}@ore.example.pl", name: "Ola Redaktorka"));

    public HttpClient Trainer(Guid? userId = null) =>
        ClientWith(TestTokens.Person(userId ?? Guid.CreateVersion7(), [Roles.Trainer], email: $"trener-{Guid.NewGuid():N}@ore.example.pl", name: "Tomasz Trener"));

    /// <summary>The partner association's API client, with <paramref name="scopes"/> (practices.write by default).</summary>
    public HttpClient Partner(string clientId = "zpp-partner", params string[] scopes) =>
        ClientWith(TestTokens.Client(clientId, scopes.Length == 0 ? [Scopes.PracticesWrite] : scopes));

    /// <summary>Rows in every table of the service's database, and in the outbox: what a refused request must leave as it was.</summary>
    public async Task<string> RowCountsAsync() => string.Join(", ", await QueryAsync<string>("""
        SELECT c.relname || '=' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname
        """));

    /// <summary>The whole of every practice's row, for a refused change to leave as it was (its revision, text, status).</summary>
    public async Task<string> PracticesStateAsync() => string.Join("\n", await QueryAsync<string>(
        "SELECT id || ' ' || status || ' ' || revision || ' ' || md5(template::text || authors::text) FROM practices ORDER BY id"));
}
