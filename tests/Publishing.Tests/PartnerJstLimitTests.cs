using System.Text.Json;
using Cro.Publishing.Features.Practices;
using Cro.ServiceDefaults.Security;

namespace Cro.Publishing.Tests;

/// <summary>A partner client limited to its members' JST (client_jst claims) writes practices for them only.</summary>
public sealed class PartnerJstLimitTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient LimitedTo(string clientId, params string[] tercs) =>
        service.ClientWith(TestTokens.LimitedClient(clientId, tercs, Scopes.PracticesWrite));

    [Fact]
    public async Task A_practice_for_a_JST_outside_the_limit_is_403_naming_the_JST_and_writes_nothing()
    {
        await service.RegisterJstAsync("0805", "Powiat nowosolski", "county");
        await service.RegisterJstAsync("0806", "Powiat słubicki", "county");
        var partner = LimitedTo("zpp-members", "0805");
        var before = await service.RowCountsAsync();

        var outside = await partner.PostAsJsonAsync("/api/publishing/partner/jst/0806/practices", Practices.Complete(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("0806", JsonSerializer.Deserialize<JsonElement>(await outside.Content.ReadAsStringAsync(Ct)).GetProperty("detail").GetString());
        Assert.Equal(before, await service.RowCountsAsync());
        var inside = await Practices.ReadAsync<PracticeView>(await partner.PostAsJsonAsync("/api/publishing/partner/jst/0805/practices",
            Practices.Complete(), Ct), HttpStatusCode.Created);
        Assert.Equal("0805", inside.JstTerc);
    }

    [Fact]
    public async Task A_JST_taken_off_the_limit_takes_its_practices_out_of_the_clients_reach()
    {
        await service.RegisterJstAsync("0807", "Powiat strzelecko-drezdenecki", "county");
        await service.RegisterJstAsync("0808", "Powiat sulęciński", "county");
        var before = LimitedTo("zpp-narrowed", "0807", "0808");
        var first = await Practices.ReadAsync<PracticeView>(await before.PostAsJsonAsync("/api/publishing/partner/jst/0807/practices",
            Practices.Complete(), Ct), HttpStatusCode.Created);
        var second = await Practices.ReadAsync<PracticeView>(await before.PostAsJsonAsync("/api/publishing/partner/jst/0808/practices",
            Practices.Complete(), Ct), HttpStatusCode.Created);
        // The administrator narrowed the client: its next token names 0808 only.
        var after = LimitedTo("zpp-narrowed", "0808");
        var state = await service.PracticesStateAsync();

        var list = await Practices.ReadAsync<ListPractices.Page>(await after.GetAsync("/api/publishing/partner/practices", Ct));
        var read = await after.GetAsync($"/api/publishing/partner/practices/{first.Id}", Ct);
        var saved = await after.PutAsJsonAsync($"/api/publishing/partner/practices/{first.Id}?revision={first.Revision}",
            first.Template with { Effects = "Zmienione po zawężeniu." }, Ct);
        var submitted = await after.PostAsJsonAsync($"/api/publishing/partner/practices/{first.Id}/submit", new { }, Ct);

        Assert.Equal([second.Id], list.Items.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
        Assert.Equal(state, await service.PracticesStateAsync());
        // An unlimited client of the same id (the limit lifted) reaches both again.
        var lifted = await Practices.ReadAsync<ListPractices.Page>(await service.Partner("zpp-narrowed").GetAsync("/api/publishing/partner/practices", Ct));
        Assert.Equal(new[] { first.Id, second.Id }.Order(), lifted.Items.Select(i => i.Id).Order());
    }
}
