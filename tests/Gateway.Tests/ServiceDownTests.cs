using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Cro.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Cro.Gateway.Tests;

/// <summary>
/// A service behind the gateway that is down, or stops answering, or comes back: the gateway answers 503 at once (never
/// hangs) and uses the service again by itself. The service is a real Kestrel server on a port of its own, found by the
/// gateway through service discovery's configuration, as the local run's AppHost gives it.
/// </summary>
public sealed class ServiceDownTests : IAsyncDisposable
{
    /// <summary>Generous: the point is "does not hang" (it answers in milliseconds), not a timing.</summary>
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly int _trainingPort = FreePorts.Next();
    private readonly int _webPort = FreePorts.Next();

    private WebApplicationFactory<Program> _gateway = null!;
    private HttpClient _client = null!;

    /// <summary>
    /// The gateway starts (and probes every service) at once; a test that stands something on the port first starts it after.
    /// </summary>
    private void StartGateway()
    {
        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Production")
            .UseSetting("services:training:http:0", $"http://127.0.0.1:{_trainingPort}")
            .UseSetting("services:web:http:0", $"http://127.0.0.1:{_webPort}"));
        _client = _gateway.CreateClient();
        _client.Timeout = TimeSpan.FromSeconds(30);
    }

    [Fact]
    public async Task An_api_whose_service_is_down_answers_503_problem_details_at_once_and_again_without_trying_it()
    {
        StartGateway();
        foreach (var attempt in new[] { "first", "second" })
        {
            var clock = Stopwatch.StartNew();
            using var response = await _client.GetAsync("/api/training/ping", Ct);

            Assert.True(clock.Elapsed < NoHang, $"The {attempt} request took {clock.Elapsed}.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(ProxyErrors.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal("Usługa chwilowo niedostępna.", problem.GetProperty("title").GetString());
            Assert.Contains("training", problem.GetProperty("detail").GetString());
            Assert.True(problem.TryGetProperty("traceId", out _));
        }
    }

    [Fact]
    public async Task A_page_with_the_web_down_answers_a_503_page_in_polish_and_in_english_when_asked()
    {
        StartGateway();
        using var polish = await GetPageAsync("/szkolenia", language: null);
        using var english = await GetPageAsync("/szkolenia", language: "en");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, polish.StatusCode);
        Assert.Equal("text/html", polish.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(polish.Headers.RetryAfter);
        var page = await polish.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"pl\">", page);
        Assert.Contains("Strona chwilowo niedostępna", page);
        // Its own policy: the inline style it carries is allowed by hash, nothing else.
        Assert.Equal(ProxyErrors.PagePolicy, polish.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, english.StatusCode);
        Assert.Contains("Page temporarily unavailable", await english.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_service_that_comes_back_on_its_port_is_used_again_without_restarting_the_gateway()
    {
        StartGateway();
        using (var down = await _client.GetAsync("/api/training/ping", Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        }

        await using (await StartTrainingAsync())
        {
            await AnswersEventuallyAsync(HttpStatusCode.OK, "the service that came up");
        }

        // Stopped again (a crash), then back on the same port (a restart).
        await AnswersEventuallyAsync(HttpStatusCode.ServiceUnavailable, "the service that went down");
        await using (await StartTrainingAsync())
        {
            await AnswersEventuallyAsync(HttpStatusCode.OK, "the service that came back");
        }
    }

    [Fact]
    public async Task A_service_whose_port_accepts_but_nothing_answers_is_left_out_and_then_answers_503_at_once()
    {
        // As the local run's proxy in front of a stopped process: connections open, no answer ever comes.
        using var silent = new TcpListener(IPAddress.Loopback, _trainingPort);
        silent.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (!Ct.IsCancellationRequested)
            {
                accepted.Add(await silent.AcceptTcpClientAsync(Ct));
            }
        }, Ct);

        StartGateway();

        // The probes of /alive go unanswered; once they have, a request is not even tried.
        var clock = Stopwatch.StartNew();
        await Eventually.GetAsync(async () =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                using var response = await _client.GetAsync("/api/training/ping", timeout.Token);
                return response.StatusCode;
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                return (HttpStatusCode?)null;
            }
        }, status => status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60), "a 503 for the silent service");

        var answered = Stopwatch.StartNew();
        using var again = await _client.GetAsync("/api/training/ping", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        Assert.True(answered.Elapsed < NoHang, $"Took {answered.Elapsed}.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
        accepted.ForEach(client => client.Dispose());
    }

    [Fact]
    public async Task A_service_that_breaks_off_its_answer_gets_502_problem_details_that_say_the_work_may_be_done()
    {
        // Reads the request, then closes the connection without an answer, as a process that crashed while handling it.
        using var breaking = new TcpListener(IPAddress.Loopback, _trainingPort);
        breaking.Start();
        _ = Task.Run(async () =>
        {
            while (!Ct.IsCancellationRequested)
            {
                using var client = await breaking.AcceptTcpClientAsync(Ct);
                // Some of the request is enough: the answer never comes.
                _ = await client.GetStream().ReadAsync(new byte[4096], Ct);
            }
        }, Ct);

        StartGateway();

        var clock = Stopwatch.StartNew();
        using var response = await _client.PostAsync("/api/training/attempts", null, Ct);

        Assert.True(clock.Elapsed < NoHang, $"Took {clock.Elapsed}.");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("zapisana", problem.GetProperty("detail").GetString());
    }

    private async Task<HttpResponseMessage> GetPageAsync(string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        var clock = Stopwatch.StartNew();
        var response = await _client.SendAsync(request, Ct);
        Assert.True(clock.Elapsed < NoHang, $"Took {clock.Elapsed}.");
        return response;
    }

    private Task AnswersEventuallyAsync(HttpStatusCode expected, string what) =>
        Eventually.GetAsync(async () =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await _client.GetAsync("/api/training/ping", Ct);
            Assert.True(clock.Elapsed < NoHang, $"A request took {clock.Elapsed} ({what}).");
            return response.StatusCode;
        }, status => status == expected, TimeSpan.FromSeconds(30), what);

    /// <summary>A stand-in for the training service: its liveness probe and one API.</summary>
    private async Task<WebApplication> StartTrainingAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_trainingPort}");
        builder.Logging.ClearProviders();
        var service = builder.Build();
        service.MapGet("/alive", () => "Healthy");
        service.MapGet("/api/training/ping", () => Results.Json(new { pong = true }));
        await service.StartAsync(Ct);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}
