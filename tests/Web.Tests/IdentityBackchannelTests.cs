using Cro.Web.Account;

namespace Cro.Web.Tests;

/// <summary>The sign-in's server-to-server calls go to identity's internal address; anything else is left alone.</summary>
public sealed class IdentityBackchannelTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public List<Uri> Sent { get; } = [];
        public List<(string? Host, string? Scheme)> Named { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add(request.RequestUri!);
            Named.Add((request.Headers.Host,
                request.Headers.TryGetValues("X-Forwarded-Proto", out var schemes) ? schemes.Single() : null));
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task Calls_to_the_public_issuer_go_to_the_internal_address_with_their_path_and_query()
    {
        var recorder = new Recorder();
        using var client = new HttpClient(new IdentityBackchannel(new Uri("https://cro.example.gov.pl/"), new Uri("http://identity:8080"), recorder));

        await client.PostAsync("https://cro.example.gov.pl/connect/token?x=1", null, TestContext.Current.CancellationToken);
        await client.GetAsync("https://cro.example.gov.pl/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        await client.GetAsync("https://elsewhere.example.org/keys", TestContext.Current.CancellationToken);

        Assert.Equal(["http://identity:8080/connect/token?x=1", "http://identity:8080/.well-known/openid-configuration", "https://elsewhere.example.org/keys"],
            recorder.Sent.Select(u => u.ToString()));
        // Identity writes its discovery document's addresses from these: the browser must be sent to the public origin.
        Assert.Equal([("cro.example.gov.pl", "https"), ("cro.example.gov.pl", "https"), (null, null)], recorder.Named);
    }
}
