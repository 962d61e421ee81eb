using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Rounds;
using Cro.ServiceDefaults;

namespace Cro.Faults.Tests;

/// <summary>
/// PostgreSQL restarted while JST apply: the recruitment service (in-process, on the fault tests' own cluster) is not
/// restarted. Requests during the outage answer 503 ProblemDetails with Retry-After, never a 500; the service answers
/// again within 10 s of the database's return; and nothing is half-written (every application whole, with its events).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class DatabaseRestartTests(FaultServers servers)
{
    private const int TeamSize = 3;
    private const int Workers = 4;

    [Fact]
    public async Task Database_restart_under_load_answers_503_meanwhile_and_recovers_without_a_restart()
    {
        Steps.Note("begin");
        var database = await TestDatabase.CreateAsync("dbrestart", servers.PostgresAdmin);
        Steps.Note("databases created");
        await using var recruitment = await ServiceFactory<Program>.StartAsync("recruitment", database, await servers.VirtualHostAsync("dbrestart"));
        var client = recruitment.CreateClient();
        Steps.Note("recruitment started");
        var round = await OpenRoundAsync(database.OwnerConnectionString);
        var tercs = new ConcurrentQueue<string>(await JstCodesAsync(database.OwnerConnectionString));

        var unexpected = new ConcurrentQueue<string>();
        var unavailable = 0;
        var started = new ConcurrentBag<Guid>();
        var submitted = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();

        // Answers the tests accept: success, or 503 ProblemDetails with Retry-After. Anything else is recorded.
        async Task<bool> AcceptableAsync(HttpResponseMessage response, string what)
        {
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && response.Headers.RetryAfter is not null && !body.Contains("   at ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref unavailable);
            }
            else
            {
                unexpected.Enqueue($"{what}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {body[..Math.Min(body.Length, 2000)]}");
            }
            return false;
        }

        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && tercs.TryDequeue(out var terc))
            {
                try
                {
                    using var start = await client.PostAsJsonAsync($"/api/recruitment/rounds/{round}/applications", Form(terc));
                    if (await AcceptableAsync(start, "start"))
                    {
                        var draft = (await start.Content.ReadFromJsonAsync<StartApplication.Started>())!;
                        started.Add(draft.Application.Id);
                        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/recruitment/applications/{draft.Application.Id}/submit");
                        submit.Headers.Add(ApplicationKey.Header, draft.Key);
                        using var done = await client.SendAsync(submit);
                        if (await AcceptableAsync(done, "submit"))
                        {
                            submitted.Add(draft.Application.Id);
                        }
                    }
                    using var read = await client.GetAsync($"/api/recruitment/rounds/{round}");
                    await AcceptableAsync(read, "read");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
                {
                    unexpected.Enqueue(e.ToString());
                }
                await Task.Delay(20);
            }
        })).ToArray();

        await Eventually.GetAsync(() => Task.FromResult(submitted.Count), n => n >= 20, TimeSpan.FromSeconds(60), "applications before the restart");
        Steps.Note($"{submitted.Count} applications submitted; stopping PostgreSQL");
        await servers.Postgres.StopAsync();
        Steps.Note("PostgreSQL stopped");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        await servers.Postgres.StartAsync();

        // Within 10 s of the database's return the same service instance reads and writes again.
        var back = Stopwatch.StartNew();
        var submittedAtReturn = submitted.Count;
        await Eventually.GetAsync(async () =>
        {
            using var read = await client.GetAsync($"/api/recruitment/rounds/{round}");
            return read.StatusCode == HttpStatusCode.OK && submitted.Count > submittedAtReturn;
        }, ok => ok, TimeSpan.FromSeconds(10), "the service to read and write again after the database returned");
        var recovery = back.Elapsed;
        Steps.Note($"PostgreSQL back; the service read and wrote again after {recovery.TotalSeconds:F1} s");

        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected.Take(5)));
        Assert.True(unavailable > 0, "Requests during the outage should have been answered 503.");
        Assert.True(recovery < TimeSpan.FromSeconds(10), $"Recovered after {recovery}.");
        await AssertNothingHalfWrittenAsync(database.OwnerConnectionString, started, submitted);
    }

    /// <summary>
    /// Every application acknowledged exists; every application in the database is whole (its team, its draft event) and
    /// every submitted one has its submission event, and the other way round: no event of an application never committed.
    /// </summary>
    private static async Task AssertNothingHalfWrittenAsync(string owner, IEnumerable<Guid> started, IEnumerable<Guid> submitted)
    {
        await using var connection = new NpgsqlConnection(owner);
        var applications = (await connection.QueryAsync<(Guid Id, string Status)>("SELECT id, status FROM applications")).ToDictionary(a => a.Id, a => a.Status);
        Assert.Empty(started.Except(applications.Keys));
        Assert.All(submitted, id => Assert.Equal(ApplicationStatus.Submitted, applications[id]));

        var incompleteTeams = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM applications a WHERE (SELECT count(*) FROM team_members t WHERE t.application_id = a.id) <> @TeamSize",
            new { TeamSize });
        Assert.Equal(0, incompleteTeams);

        var draftEvents = await EventApplicationsAsync(connection, "ApplicationDraftStarted");
        Assert.Equal(applications.Keys.Order(), draftEvents.Order());
        var submittedEvents = await EventApplicationsAsync(connection, "ApplicationSubmitted");
        Assert.Equal(applications.Where(a => a.Value == ApplicationStatus.Submitted).Select(a => a.Key).Order(), submittedEvents.Order());
    }

    private static async Task<IReadOnlyList<Guid>> EventApplicationsAsync(NpgsqlConnection connection, string type) =>
        [.. await connection.QueryAsync<Guid>("SELECT (payload ->> 'applicationId')::uuid FROM outbox_messages WHERE message_type LIKE @type",
            new { type = $"Cro.Contracts.{type},%" })];

    private static ApplicationForm Form(string terc) => new(terc,
        [.. Enumerable.Range(0, TeamSize).Select(i => new TeamMemberInput($"Osoba {i} {terc}", $"osoba{i}.{terc}.{Guid.NewGuid():N}@jst.test",
            i == 0 ? "sekretarz" : "inspektor", null, i % 2 == 0 ? "woman" : "man", IsCoordinator: i == 0))],
        SchoolsRun: 2, TookPartBefore: false, new Declarations(InformationClause.Version, true, true));

    private static async Task<IReadOnlyList<string>> JstCodesAsync(string owner)
    {
        await using var connection = new NpgsqlConnection(owner);
        return [.. await connection.QueryAsync<string>("SELECT terc FROM jst WHERE kind <> 'voivodeship' ORDER BY terc")];
    }

    /// <summary>A round open now for every kind of JST but województwa, created as its owner would.</summary>
    private static async Task<Guid> OpenRoundAsync(string owner)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(owner);
        await connection.ExecuteAsync("""
            INSERT INTO rounds (id, name, opens_at, closes_at, capacity, eligible_kinds, created_at)
            VALUES (@id, 'Awaria bazy', now() - interval '1 day', now() + interval '1 day', 3000,
                    '{county,city-county,urban-municipality,rural-municipality,urban-rural-municipality}', now());
            INSERT INTO scoring_rules (round_id, version, rules, created_at) VALUES (@id, 1, @rules::jsonb, now());
            """, new { id, rules = JsonSerializer.Serialize(ScoringRules.Default, JsonSerializerOptions.Web) });
        return id;
    }
}
