using System.Net;
using System.Net.Http.Json;

namespace Cro.EndToEnd.Tests;

/// <summary>A service of the local run crashes: the gateway says so at once, and the run starts the service again by itself.</summary>
[Collection(typeof(RunsAlone))]
public sealed class CrashRecoveryTests(PlatformFixture platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_service_answers_503_through_the_gateway_until_the_local_run_has_started_it_again()
    {
        const string summary = "/api/monitoring/jst-summary";
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync(summary, Ct)).StatusCode);

        platform.Kill("monitoring");

        // While it is down: 503 problems. Requests sent in the moment of the crash may still meet the process dying (a 502, or
        // a wait on the local run's proxy until the gateway's probe leaves the service out), so each attempt waits 10 s at most.
        using var impatient = new HttpClient { BaseAddress = platform.GatewayAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var down = await Eventually.GetAsync(() => ResponseAsync(impatient, summary),
            response => response?.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "a 503 from the gateway");
        Assert.Equal("application/problem+json", down!.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(down.Headers.RetryAfter);

        // Started again without anyone pressing Start, and found again by the gateway without its restart.
        using var back = await Eventually.GetAsync(() => ResponseAsync(impatient, summary),
            response => response?.StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(3), "monitoring answering again");
        var figures = await impatient.GetFromJsonAsync<JsonElement>(summary, Ct);
        Assert.Equal(2807, figures.GetProperty("total").GetInt32());
    }

    private static async Task<HttpResponseMessage?> ResponseAsync(HttpClient client, string path)
    {
        try
        {
            return await client.GetAsync(path, Ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !Ct.IsCancellationRequested)
        {
            return null;
        }
    }
}

/// <summary>Tests that take the platform apart run after all others, alone, so no other test meets the outage.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class RunsAlone;
