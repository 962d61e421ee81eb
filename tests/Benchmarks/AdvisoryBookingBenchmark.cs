using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cro.Advisory.Features.Advisors;
using Cro.Advisory.Features.Availability;
using Cro.Advisory.Features.Engagements;
using Cro.Advisory.Features.Meetings;
using Cro.ServiceDefaults;

namespace Cro.Benchmarks;

/// <summary>
/// 300 JST teams book a meeting with their advisor within one minute: 20 advisors, 15 teams each, every advisor
/// available on weekdays 8:00–16:00 in one-hour meetings with 15 minutes kept free before and after (so a booked hour
/// takes its neighbours too). Teams arrive in a shuffled order over the first 50 seconds (an open load, as people
/// arrive); each reads its advisor's free slots, takes a few seconds to choose one of the first three (so teams of one
/// advisor aim at the same slots), and books it. A 409 on a slot taken meanwhile sends the team back to the slots to
/// choose again, as a person would: counted, not an error. Afterwards the database is checked for double bookings (two
/// non-cancelled meetings of one advisor whose times with the buffers overlap). First through the gateway, then the
/// same load straight to the advisory service, each with teams and advisors of its own, on the same servers.
/// </summary>
public static class AdvisoryBookingBenchmark
{
    private const int Teams = 300;
    private const int Advisors = 20;
    private const int SlotsConsidered = 3;
    private const int MaxAttempts = 10;
    private static readonly TimeSpan Arrivals = TimeSpan.FromSeconds(50);
    private static readonly (int From, int To) FirstThinkMs = (2_000, 8_000);
    private static readonly (int From, int To) RetryThinkMs = (1_000, 3_000);

    public sealed record Result(string Path, int Teams, int Booked, int Requests, TimeSpan Elapsed, double RequestP50Ms, double RequestP99Ms,
        double BookingP50Ms, double BookingP99Ms, int TakenRetried, int TakenMeanwhile, int Errors, int DoubleBookings, string? FirstError)
    {
        public double Throughput => Requests / Elapsed.TotalSeconds;

        public string Row() => $"| {Path} | {Teams} | {Booked} | {Requests} | {Elapsed.TotalSeconds:F1} s | {Throughput:F1}/s ({Booked / Elapsed.TotalSeconds:F1} bookings/s) | " +
            $"{RequestP50Ms:F0} ms | {RequestP99Ms:F0} ms | {BookingP50Ms:F0} ms | {BookingP99Ms:F0} ms | {TakenRetried} ({TakenMeanwhile} by the constraint) | {Errors} | {DoubleBookings} |";
    }

    /// <summary>A team of one run: its JST, the coordinator who books, the engagement with its advisor.</summary>
    private sealed record Team(int Index, string JstTerc, string Email, Guid ApplicationId, Guid EngagementId);

    public static async Task<(Result Gateway, Result Direct)> RunAsync()
    {
        await using var servers = await ServiceBehindGateway<MeetingView>.StartAsync("advisory", "Advisory", acceptTestTokens: true);
        var (advisory, direct) = (servers.Service, servers.Direct);

        var accepted = await AcceptTeamsAsync(advisory, runs: 2);
        using var operatorClient = BearerClient.For(direct, TestTokens.Person(Guid.CreateVersion7(), ["operator"], email: "operator@ore.example.pl", name: "Operator"));
        var (gatewayAdvisors, gatewayTeams) = await EngageAsync(operatorClient, direct, accepted[..Teams], "g");
        var (directAdvisors, directTeams) = await EngageAsync(operatorClient, direct, accepted[Teams..], "d");
        var viaGateway = await BookAsync("gateway → advisory", servers.ThroughGateway, gatewayTeams, gatewayAdvisors, advisory.Database.OwnerConnectionString);
        var straight = await BookAsync("advisory directly", direct, directTeams, directAdvisors, advisory.Database.OwnerConnectionString);
        return (viaGateway, straight);
    }

    /// <summary>Accepted teams arrive from recruitment as events, 300 per run; waits until advisory knows them all.</summary>
    private static async Task<(string JstTerc, string Email, Guid ApplicationId)[]> AcceptTeamsAsync(ServiceFactory<MeetingView> advisory, int runs)
    {
        var bus = advisory.Services.GetRequiredService<IBus>();
        var teams = new List<(string, string, Guid)>();
        for (var i = 0; i < Teams * runs; i++)
        {
            var jst = $"98{i:D5}";
            var coordinator = $"koordynator{i}.{Guid.NewGuid():N}@jst.test";
            var applicationId = Guid.CreateVersion7();
            await bus.Publish(new ApplicationAccepted
            {
                ApplicationId = applicationId, RoundId = Guid.Empty, RoundName = "Benchmark", JstTerc = jst, JstName = $"Gmina {jst}",
                JstKind = "rural-municipality", VoivodeshipTerc = "98", Score = 10, ScoringVersion = 1, PromotedFromReserve = false,
                AcceptedAt = DateTimeOffset.UtcNow,
                Team =
                [
                    new TaskTeamMember { MemberId = Guid.CreateVersion7(), FullName = $"Koordynator {i}", Email = coordinator, Position = "sekretarz",
                        Sex = "woman", IsCoordinator = true },
                    new TaskTeamMember { MemberId = Guid.CreateVersion7(), FullName = $"Członek {i}", Email = $"czlonek{i}.{Guid.NewGuid():N}@jst.test",
                        Position = "dyrektor", Sex = "man", IsCoordinator = false },
                ],
            });
            teams.Add((jst, coordinator, applicationId));
        }
        await using var connection = new NpgsqlConnection(advisory.Database.OwnerConnectionString);
        await Eventually.GetAsync(() => connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM teams"),
            count => count >= teams.Count, TimeSpan.FromMinutes(3), "every accepted team known to advisory");
        return [.. teams];
    }

    /// <summary>
    /// 20 advisors registered by ORE, each setting their week (weekdays 8:00–16:00 online, one-hour meetings, 15-minute
    /// buffers, a day's notice), and the run's 300 teams assigned to them, 15 each, from yesterday.
    /// </summary>
    private static async Task<(Guid[] Advisors, Team[] Teams)> EngageAsync(HttpClient operatorClient, Uri direct,
        (string JstTerc, string Email, Guid ApplicationId)[] accepted, string run)
    {
        var advisors = new List<Guid>();
        for (var a = 0; a < Advisors; a++)
        {
            var email = $"doradca-{run}{a}.{Guid.NewGuid():N}@ore.example.pl";
            var registered = await operatorClient.PostAsJsonAsync("/api/advisory/advisors",
                new RegisterAdvisor.AdvisorRequest(email, $"Doradca {run}{a}", null, null, MaxEngagements: Teams / Advisors));
            registered.EnsureSuccessStatusCode();
            advisors.Add((await registered.Content.ReadFromJsonAsync<AdvisorView>())!.Id);
            using var advisor = BearerClient.For(direct, TestTokens.Person(Guid.CreateVersion7(), ["advisor"], email: email, name: $"Doradca {run}{a}"));
            (await advisor.PutAsJsonAsync("/api/advisory/advisors/me/availability", new SetAvailability.AvailabilityRequest(
                [.. Enumerable.Range(1, 5).Select(day => new AvailabilityRule(day, new TimeOnly(8, 0), new TimeOnly(16, 0), MeetingMode.Online))],
                BufferBeforeMinutes: 15, BufferAfterMinutes: 15, MinNoticeHours: 24, HorizonDays: 365, MeetingMinutes: 60,
                OnlineLink: "https://spotkania.example.pl/doradca", Address: null))).EnsureSuccessStatusCode();
        }
        var yesterday = DateOnly.FromDateTime(WarsawTime.InWarsaw(DateTimeOffset.UtcNow).DateTime).AddDays(-1);
        var assigned = await operatorClient.PostAsJsonAsync("/api/advisory/engagements/bulk", new AssignAdvisor.BulkAssignRequest(yesterday,
            [.. accepted.Select((team, i) => new AssignAdvisor.BulkAssignment(team.ApplicationId, advisors[i % Advisors]))]));
        assigned.EnsureSuccessStatusCode();
        var engagements = (await assigned.Content.ReadFromJsonAsync<List<EngagementView>>())!.ToDictionary(e => e.ApplicationId, e => e.Id);
        return ([.. advisors], [.. accepted.Select((team, i) => new Team(i, team.JstTerc, team.Email, team.ApplicationId, engagements[team.ApplicationId]))]);
    }

    private static async Task<Result> BookAsync(string path, Uri address, IReadOnlyList<Team> teams, Guid[] advisors, string ownerConnectionString)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address, Timeout = TimeSpan.FromMinutes(2),
        };
        var requestLatencies = new ConcurrentBag<double>();
        var bookingLatencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var taken = 0;
        var takenMeanwhile = 0;
        // The same arrival order and the same choices in both runs: a fixed seed, and each team its own generator.
        var order = Enumerable.Range(0, teams.Count).ToArray();
        new Random(13).Shuffle(order);
        var arrivalOf = new TimeSpan[teams.Count];
        for (var position = 0; position < order.Length; position++)
        {
            arrivalOf[order[position]] = Arrivals * position / teams.Count;
        }
        var clock = Stopwatch.StartNew();

        async Task<HttpResponseMessage> TimedAsync(HttpRequestMessage request, string token, Action<double> spent)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            var response = await http.SendAsync(request);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            requestLatencies.Add(ms);
            spent(ms);
            return response;
        }

        var bookings = teams.Select(async team =>
        {
            var random = new Random(1_000 + team.Index);
            await Task.Delay(arrivalOf[team.Index]);
            var token = TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: team.JstTerc, email: team.Email, name: $"Koordynator {team.Index}");
            var inRequests = 0.0;
            try
            {
                for (var attempt = 1; attempt <= MaxAttempts; attempt++)
                {
                    using var slotsResponse = await TimedAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/advisory/engagements/{team.EngagementId}/slots"),
                        token, ms => inRequests += ms);
                    if (!slotsResponse.IsSuccessStatusCode)
                    {
                        errors.Enqueue($"slots of {team.JstTerc}: {(int)slotsResponse.StatusCode} {await slotsResponse.Content.ReadAsStringAsync()}");
                        return;
                    }
                    var slots = (await slotsResponse.Content.ReadFromJsonAsync<List<FreeSlot>>())!;
                    if (slots.Count == 0)
                    {
                        errors.Enqueue($"{team.JstTerc}: no free slot left");
                        return;
                    }
                    var chosen = slots[random.Next(Math.Min(SlotsConsidered, slots.Count))];
                    var think = attempt == 1 ? FirstThinkMs : RetryThinkMs;
                    await Task.Delay(random.Next(think.From, think.To));
                    using var booked = await TimedAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/advisory/engagements/{team.EngagementId}/meetings")
                    {
                        Content = JsonContent.Create(new BookMeeting.BookMeetingRequest(chosen.StartsAt, "Diagnoza potrzeb szkół", "diagnosis", null)),
                    }, token, ms => inRequests += ms);
                    if (booked.StatusCode == HttpStatusCode.Created)
                    {
                        bookingLatencies.Add(inRequests);
                        return;
                    }
                    var body = await booked.Content.ReadAsStringAsync();
                    if (booked.StatusCode == HttpStatusCode.Conflict && Taken(body) is { } meanwhile)
                    {
                        Interlocked.Increment(ref taken);
                        if (meanwhile)
                        {
                            Interlocked.Increment(ref takenMeanwhile);
                        }
                        continue;
                    }
                    errors.Enqueue($"booking of {team.JstTerc} at {chosen.StartsAt:O}: {(int)booked.StatusCode} {body}");
                    return;
                }
                errors.Enqueue($"{team.JstTerc}: no meeting after {MaxAttempts} attempts");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                errors.Enqueue($"{team.JstTerc}: {e.Message}");
            }
        });
        await Task.WhenAll(bookings);
        var elapsed = clock.Elapsed;

        var (meetings, doubleBookings) = await CheckDatabaseAsync(ownerConnectionString, advisors);
        return new Result(path, teams.Count, meetings, requestLatencies.Count, elapsed, Percentiles.Of(requestLatencies, 0.5),
            Percentiles.Of(requestLatencies, 0.99), Percentiles.Of(bookingLatencies, 0.5), Percentiles.Of(bookingLatencies, 0.99), taken, takenMeanwhile, errors.Count, doubleBookings, errors.FirstOrDefault());
    }

    /// <summary>
    /// Whether a 409 is a time taken, and if so whether a concurrent booking took it a moment ago (both passed the
    /// service's check; the database's exclusion constraint refused the second) rather than before the check: null for
    /// any other conflict. Told apart by the problem's wording, in either language.
    /// </summary>
    private static bool? Taken(string problem)
    {
        var root = JsonDocument.Parse(problem).RootElement;
        if (!root.TryGetProperty("title", out var title) || title.GetString() is not ("Ten termin jest już zajęty." or "That time is taken."))
        {
            return null;
        }
        return root.TryGetProperty("detail", out var detail) && detail.GetString() is { } text
            && (text.StartsWith("Ktoś zarezerwował", StringComparison.Ordinal) || text.StartsWith("Someone booked", StringComparison.Ordinal));
    }

    /// <summary>
    /// The run's non-cancelled meetings, and the pairs of them of one advisor whose times overlap once the advisor's
    /// buffers are added — computed here from start, end and the advisor's settings, not read from the service's own
    /// blocked range. Read as the database owner, whom row-level security does not bind.
    /// </summary>
    private static async Task<(int Meetings, int DoubleBookings)> CheckDatabaseAsync(string ownerConnectionString, Guid[] advisors)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        var meetings = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM meetings WHERE advisor_id = ANY(@advisors) AND status <> 'cancelled'", new { advisors });
        var doubleBookings = await connection.ExecuteScalarAsync<int>("""
            WITH blocked AS (
                SELECT m.id, m.advisor_id, tstzrange(m.starts_at - make_interval(mins => a.buffer_before_min),
                                                     m.ends_at + make_interval(mins => a.buffer_after_min)) AS blocked
                FROM meetings m JOIN advisors a ON a.id = m.advisor_id
                WHERE m.advisor_id = ANY(@advisors) AND m.status <> 'cancelled')
            SELECT count(*)::int FROM blocked x JOIN blocked y ON y.advisor_id = x.advisor_id AND x.id < y.id AND x.blocked && y.blocked
            """, new { advisors });
        return (meetings, doubleBookings);
    }
}
