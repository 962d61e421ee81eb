using System.Net.Http.Headers;
using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Validation;

namespace Cro.Benchmarks;

/// <summary>
/// 1,200 participants (300 JST teams of 4, in 30 cohorts whose module sessions have ended) each submit a
/// 20-question post-test within one minute: start the attempt, save the 20 answers one by one as the test
/// page does, finish it. Arrivals are spread evenly over the minute (an open load, as people arrive, not a
/// closed loop that slows down with the service). First through the gateway (module M1), then the same
/// load straight to the training service (module M2) as the baseline, on the same servers.
/// </summary>
public static class PostTestBurstBenchmark
{
    private const int Teams = 300;
    private const int TeamSize = 4;
    private const int TeamsPerCohort = 10;
    private const int Questions = 20;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public sealed record Result(string Path, int Participants, int Requests, TimeSpan Elapsed, double RequestP50Ms, double RequestP99Ms,
        double SubmissionP99Ms, int Errors, string? FirstError)
    {
        public string Row() => $"| {Path} | {Participants} | {Requests} | {Elapsed.TotalSeconds:F1} s | {Requests / Elapsed.TotalSeconds:F0}/s | " +
            $"{RequestP50Ms:F0} ms | {RequestP99Ms:F0} ms | {SubmissionP99Ms:F0} ms | {Errors} |";
    }

    private sealed record Participant(string Email, string JstTerc);

    /// <summary>In this process: the training and the gateway hosted beside the load generator (the first measurements).</summary>
    public static async Task<(Result Gateway, Result Direct)> RunAsync()
    {
        await using var servers = await ServiceBehindGateway<AttemptView>.StartAsync("training", "Training", acceptTestTokens: true);
        var bus = servers.Service.Services.GetRequiredService<IBus>();
        return await RunAsync(accepted => bus.Publish(accepted), servers.Service.Database.OwnerConnectionString, servers.Direct, servers.ThroughGateway,
            claims => TestTokens.Create(claims, DateTime.UtcNow.AddMinutes(30)));
    }

    /// <summary>Against the training and the gateway running as processes of their own (<see cref="SystemUnderLoad"/>).</summary>
    internal static async Task<(Result Gateway, Result Direct)> RunAsync(SystemUnderLoad system)
    {
        var training = system.Services["training"];
        await using var publisher = await EventPublisher.StartAsync(training.Broker);
        return await RunAsync(accepted => publisher.Bus.Publish(accepted), training.Database.OwnerConnectionString, training.Process.Address,
            system.Gateway.Address, system.Tokens.Create);
    }

    private static async Task<(Result Gateway, Result Direct)> RunAsync(Func<ApplicationAccepted, Task> publish, string trainingOwnerConnection,
        Uri direct, Uri gateway, Func<IEnumerable<System.Security.Claims.Claim>, string> sign)
    {
        var participants = await EnrolAsync(publish, trainingOwnerConnection);
        using var operatorClient = BearerClient.For(direct, Token(sign, Guid.CreateVersion7(), "operator@ore.example.pl", ["operator"], null));
        await FormCohortsWithEndedSessionsAsync(operatorClient, participants);
        foreach (var module in new[] { "M1", "M2" })
        {
            await BankAsync(operatorClient, module);
        }
        var viaGateway = await BurstAsync("gateway → training", gateway, "M1", participants, sign);
        var straight = await BurstAsync("training directly", direct, "M2", participants, sign);
        return (viaGateway, straight);
    }

    /// <summary>Accepted teams arrive from recruitment as events; the training enrols their people.</summary>
    private static async Task<IReadOnlyList<Participant>> EnrolAsync(Func<ApplicationAccepted, Task> publish, string trainingOwnerConnection)
    {
        var people = new List<Participant>();
        for (var team = 0; team < Teams; team++)
        {
            var jst = $"99{team:D5}";
            var members = Enumerable.Range(0, TeamSize).Select(i => new TaskTeamMember
            {
                MemberId = Guid.CreateVersion7(), FullName = $"Uczestnik {team}-{i}", Email = $"u{team}-{i}.{Guid.NewGuid():N}@jst.test",
                Position = "specjalista", Sex = i % 3 == 1 ? "man" : "woman", IsCoordinator = i == 0,
            }).ToArray();
            await publish(new ApplicationAccepted
            {
                ApplicationId = Guid.CreateVersion7(), RoundId = Guid.Empty, RoundName = "Benchmark", JstTerc = jst, JstName = $"JST {jst}",
                JstKind = "rural-municipality", VoivodeshipTerc = "99", Score = 10, ScoringVersion = 1, PromotedFromReserve = false,
                AcceptedAt = DateTimeOffset.UtcNow, Team = members,
            });
            people.AddRange(members.Select(m => new Participant(m.Email, jst)));
        }
        await using var connection = new NpgsqlConnection(trainingOwnerConnection);
        await Eventually.GetAsync(() => connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM participants"),
            count => count >= people.Count, TimeSpan.FromMinutes(2), "every participant enrolled");
        return people;
    }

    /// <summary>Cohorts of 10 teams, each with yesterday's M1 and M2 sessions, so the post-tests are open.</summary>
    private static async Task FormCohortsWithEndedSessionsAsync(HttpClient operatorClient, IReadOnlyList<Participant> participants)
    {
        var waiting = await operatorClient.GetFromJsonAsync<List<Cro.Training.Features.Teams.TeamView>>("/api/training/enrolment/waiting");
        var yesterday = DateTime.SpecifyKind(DateTime.Today.AddDays(-1), DateTimeKind.Unspecified);
        foreach (var (cohort, i) in waiting!.Chunk(TeamsPerCohort).Select((teams, i) => (teams, i)))
        {
            var created = await operatorClient.PostAsJsonAsync("/api/training/cohorts", new CreateCohort.CreateCohortRequest($"Grupa {i + 1}",
                [.. cohort.Select(t => t.ApplicationId)], [new TrainerInput($"trener{i}@ore.example.pl", $"Trener {i}")]));
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<CohortView>())!.Id;
            foreach (var module in new[] { "M1", "M2" })
            {
                (await operatorClient.PostAsJsonAsync($"/api/training/cohorts/{id}/sessions", new SessionRequest(module,
                    yesterday.AddHours(9), yesterday.AddHours(17), "stationary", "Sala 1", null, 50, 8))).EnsureSuccessStatusCode();
            }
        }
        _ = participants;
    }

    private static async Task BankAsync(HttpClient operatorClient, string module)
    {
        for (var i = 0; i < Questions; i++)
        {
            (await operatorClient.PostAsJsonAsync($"/api/training/modules/{module}/questions", new QuestionRequest($"{module}.W1", QuestionKind.Single,
                $"Pytanie {i + 1}", "Wyjaśnienie.", [new OptionInput("Tak", true), new OptionInput("Nie", false), new OptionInput("Nie wiem", false)])))
                .EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Open-loop arrivals: participant i is planned at i/N of the minute, whatever the answers before it did, and sends its
    /// first request then; its later requests follow each answer, as a person's page does. The first request's latency and
    /// the submission's are counted from the planned arrival, so a late sender (this process's own thread pool, a stalled
    /// connection pool) shows in the figures instead of hiding (coordinated omission); tokens are signed beforehand.
    /// </summary>
    private static async Task<Result> BurstAsync(string path, Uri address, string module, IReadOnlyList<Participant> participants,
        Func<IEnumerable<System.Security.Claims.Claim>, string> sign)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address, Timeout = TimeSpan.FromMinutes(2),
        };
        var tokens = participants.Select(person => Token(sign, Guid.CreateVersion7(), person.Email, ["jst-member"], person.JstTerc)).ToList();
        var requestLatencies = new ConcurrentBag<double>();
        var submissionLatencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        async Task<HttpResponseMessage> TimedAsync(HttpRequestMessage request, string token, TimeSpan? planned = null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var sent = clock.Elapsed;
            var response = await http.SendAsync(request);
            requestLatencies.Add((clock.Elapsed - (planned ?? sent)).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                errors.Enqueue($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            return response;
        }

        var submissions = participants.Select(async (person, i) =>
        {
            var planned = Window * i / participants.Count;
            await Task.Delay(planned);
            var token = tokens[i];
            try
            {
                using var start = await TimedAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/training/me/modules/{module}/tests/post"), token, planned);
                if (!start.IsSuccessStatusCode)
                {
                    return;
                }
                var attempt = (await start.Content.ReadFromJsonAsync<AttemptView>())!;
                foreach (var question in attempt.Questions)
                {
                    using var answer = await TimedAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/training/attempts/{attempt.Id}/answers/{question.Id}")
                    {
                        Content = JsonContent.Create(new SaveAnswer.SaveAnswerRequest([question.Options[0].Id])),
                    }, token);
                }
                using var finished = await TimedAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/training/attempts/{attempt.Id}/finish"), token);
                submissionLatencies.Add((clock.Elapsed - planned).TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.Enqueue($"{person.Email}: {e.Message}");
            }
        });
        await Task.WhenAll(submissions);
        var elapsed = clock.Elapsed;
        return new Result(path, participants.Count, requestLatencies.Count, elapsed, Percentiles.Of(requestLatencies, 0.5),
            Percentiles.Of(requestLatencies, 0.99), Percentiles.Of(submissionLatencies, 0.99), errors.Count, errors.FirstOrDefault());
    }

    /// <summary>A person's token as identity issues it, with the address the training recognises people by.</summary>
    private static string Token(Func<IEnumerable<System.Security.Claims.Claim>, string> sign, Guid id, string email, IEnumerable<string> roles, string? jst)
    {
        List<System.Security.Claims.Claim> claims =
        [
            new(Cro.ServiceDefaults.Security.CroClaims.Subject, id.ToString()), new(Cro.ServiceDefaults.Security.CroClaims.PrincipalType, Cro.ServiceDefaults.Security.CroClaims.Person),
            new(Cro.ServiceDefaults.Security.CroClaims.Email, email),
        ];
        claims.AddRange(roles.Select(role => new System.Security.Claims.Claim(Cro.ServiceDefaults.Security.CroClaims.Role, role)));
        if (jst is not null)
        {
            claims.Add(new(Cro.ServiceDefaults.Security.CroClaims.Jst, jst));
        }
        return sign(claims);
    }
}
