using System.Net;
using Cro.Publishing.Features.Conferences;
using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Benchmarks;

/// <summary>
/// 5,000 people register for a 600-place conference within one minute, arriving evenly (an open load, as people arrive),
/// each from a client address of their own, through the public form's endpoint: the first 600 take the places (to confirm
/// by mail), the rest join the waitlist in order. First through the gateway, then the same load straight to the publishing
/// service, each on a conference of its own, on the same servers. Afterwards the database is counted, not the answers
/// believed: the places held against the capacity and the service's counter, the waitlist's numbers, one registration per
/// address.
/// </summary>
public static class ConferenceRegistrationBenchmark
{
    private const int People = 5_000;
    private const int Capacity = 600;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <param name="Held">Registrations holding a place, counted in the database.</param>
    /// <param name="Overbooked">Places held beyond the capacity, or beyond the service's own counter (0 when none is given twice).</param>
    /// <param name="WaitlistGaps">Waiting registrations without a number of their own (two sharing one, or none).</param>
    public sealed record Result(string Path, int Registrations, TimeSpan Elapsed, double P50Ms, double P99Ms, int Places, int Waitlisted, int Errors,
        int Held, int WaitlistedInDatabase, int Overbooked, int WaitlistGaps, int DuplicateAddresses, string? FirstError)
    {
        public string Row() => $"| {Path} | {Registrations:N0} | {Elapsed.TotalSeconds:F1} s | {Registrations / Elapsed.TotalSeconds:F0}/s | {P50Ms:F0} ms | " +
            $"{P99Ms:F0} ms | {Places} / {Waitlisted:N0} | {Errors} | {Held} of {Capacity} | {WaitlistedInDatabase:N0} | {Overbooked} | {WaitlistGaps} | {DuplicateAddresses} |";
    }

    public static async Task<(Result Gateway, Result Direct)> RunAsync()
    {
        await using var servers = await ServiceBehindGateway<ConferenceRow>.StartAsync("publishing", "Publishing", acceptTestTokens: true,
            new Dictionary<string, string?> { ["SchoolLinks:Secret"] = "benchmark-conference-link-secret-0123456789" });
        using var ore = BearerClient.For(servers.Direct, TestTokens.Person(Guid.CreateVersion7(), ["operator"], email: "operator@ore.example.pl", name: "Operator"));
        var owner = servers.Service.Database.OwnerConnectionString;
        // A warm-up through both paths on a conference of its own, so neither run pays for the first compilations and connections.
        var warmUp = await PublishedConferenceAsync(ore);
        await BurstAsync("warm-up", servers.ThroughGateway, warmUp, "wg", owner, people: 200, over: TimeSpan.FromSeconds(5));
        await BurstAsync("warm-up", servers.Direct, warmUp, "wd", owner, people: 200, over: TimeSpan.FromSeconds(5));
        var forGateway = await PublishedConferenceAsync(ore);
        var forDirect = await PublishedConferenceAsync(ore);
        var viaGateway = await BurstAsync("gateway → publishing", servers.ThroughGateway, forGateway, "g", owner);
        var straight = await BurstAsync("publishing directly", servers.Direct, forDirect, "d", owner);
        return (viaGateway, straight);
    }

    private static async Task<Guid> PublishedConferenceAsync(HttpClient ore)
    {
        var now = DateTimeOffset.UtcNow;
        var starts = now.AddDays(30);
        var created = await ore.PostAsJsonAsync("/api/publishing/conferences", new
        {
            title = "Cyfrowa szkoła w samorządzie — konferencja (benchmark)", description = "Wymiana doświadczeń samorządów.",
            startsAt = starts, endsAt = starts.AddDays(1).AddHours(6), place = "Warszawa", capacity = Capacity,
            registrationOpensAt = now.AddHours(-1), registrationClosesAt = starts.AddDays(-1), sessions = Array.Empty<object>(),
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<ConferenceView>())!.Id;
        (await ore.PostAsync($"/api/publishing/conferences/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<Result> BurstAsync(string path, Uri address, Guid conferenceId, string run, string ownerConnectionString, int people = People,
        TimeSpan? over = null)
    {
        var window = over ?? Window;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = address, Timeout = TimeSpan.FromMinutes(2),
        };
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var (places, waitlisted) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, people).Select(async i =>
        {
            await Task.Delay(window * i / people);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/publishing/public/conferences/{conferenceId}/registrations")
            {
                Content = JsonContent.Create(new RegisterForConference.RegistrationRequest($"Uczestnik {run}{i}", $"uczestnik-{run}{i}@jst{i % 2_500}.example.pl",
                    i % 3 == 0 ? "man" : "woman", null, $"Urząd Gminy nr {i % 2_500}", "sekretarz gminy", i % 20 == 0 ? ["diet"] : [],
                    i % 20 == 0 ? "wegetariańska" : null, null, ConsentTexts.Version, true, i % 2 == 0, i % 4 == 0)),
            };
            // A person's own address, as the gateway (or the web) names the client.
            request.Headers.Add("X-Forwarded-For", $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    errors.Enqueue($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
                var receipt = (await response.Content.ReadFromJsonAsync<RegisterForConference.RegistrationReceipt>())!;
                Interlocked.Increment(ref receipt.Status == "pending" ? ref places : ref waitlisted);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.Enqueue(e.Message);
            }
        }));
        var elapsed = clock.Elapsed;

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        var (held, inDatabase, counter, numbered, duplicates) = await connection.QuerySingleAsync<(int, int, int, int, int)>("""
            SELECT count(*) FILTER (WHERE r.holds_place)::int, count(*) FILTER (WHERE r.status = 'waitlisted')::int, c.places_taken,
                   count(DISTINCT r.waitlist_number) FILTER (WHERE r.status = 'waitlisted')::int,
                   (SELECT count(*)::int FROM (SELECT lower(email) FROM conference_registrations WHERE conference_id = @conferenceId
                                               GROUP BY 1 HAVING count(*) > 1) d)
            FROM conference_registrations r JOIN conferences c ON c.id = r.conference_id
            WHERE r.conference_id = @conferenceId
            GROUP BY c.places_taken
            """, new { conferenceId });
        var overbooked = Math.Max(0, held - Capacity) + Math.Abs(held - counter);
        return new Result(path, people, elapsed, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99), places, waitlisted, errors.Count, held,
            inDatabase, overbooked, inDatabase - numbered, duplicates, errors.FirstOrDefault());
    }
}
