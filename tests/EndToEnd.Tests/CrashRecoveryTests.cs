using System.Net;
using System.Net.Http.Json;

namespace Cro.EndToEnd.Tests;

/// <summary>A service of the local run crashes: the gateway says so at once, and the run starts the service again by itself.</summary>
[Collection(typeof(RunsAlone))]
public sealed class CrashRecoveryTests(PlatformFixture platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_service_is_started_again_by_the_local_run_and_meanwhile_the_gateway_answers_only_problems()
    {
        const string summary = "/api/monitoring/jst-summary";
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync(summary, Ct)).StatusCode);
        var before = platform.ProcessId("monitoring");

        platform.Kill("monitoring");

        // Until it answers again, whatever a caller gets is a problem document (503 once the gateway's probes left the service
        // out; 502 for a request that met the process dying), never a page of the web or a stack trace. Requests that reach the
        // local run's proxy while the process is gone wait there, so each attempt gives up after 10 s and tries again.
        using var impatient = new HttpClient { BaseAddress = platform.GatewayAddress, Timeout = TimeSpan.FromSeconds(10) };
        var problems = new List<HttpStatusCode>();
        using var back = await Eventually.GetAsync(async () =>
        {
            var response = await ResponseAsync(impatient, summary);
            if (response is { IsSuccessStatusCode: false })
            {
                problems.Add(response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
            return response;
        }, response => response?.StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(3), "monitoring answering again");

        // Started again by the run itself (a new process), found again by the gateway without its restart, and whole.
        Assert.NotEqual(before, platform.ProcessId("monitoring"));
        Assert.All(problems, status => Assert.Contains(status, new[] { HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout }));
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
