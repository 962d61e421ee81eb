using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Cro.EndToEnd.Tests;

/// <summary>An operator previews the decisions by ranking for a round and confirms them.</summary>
public sealed class BulkDecisionTests(PlatformFixture platform, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_previews_the_decisions_by_ranking_and_confirms_them()
    {
        var admin = await browser.NewPageAsync(platform.GatewayAddress);
        await admin.GotoAsync("/");
        await SignInFlow.SignInAsync(admin, PlatformFixture.AdminEmail, platform.AdminPassword, platform.Authenticator);
        var name = $"Nabór rankingowy {Guid.NewGuid():N}"[..26];
        await ApplicationFormTests.CreateOpenRoundAsync(admin, name);
        var rounds = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/recruitment/rounds", Ct);
        var roundId = rounds.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
        foreach (var terc in new[] { "0201032", "0201052" })
        {
            await ApplyAsync(roundId, terc);
        }

        await admin.GotoAsync($"/administracja/nabory/{roundId}");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Decyzje według rankingu (podgląd i zatwierdzenie)" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Zostaną przyjęte (2)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zatwierdź te decyzje" }).ClickAsync();

        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Zapisano: przyjęto 2, na liście rezerwowej 0.");
        await Assertions.Expect(admin.GetByText("Nie ma wniosków czekających na decyzję.")).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    /// <summary>A JST applies through the public API, as the form does: start the draft, then submit it with its key.</summary>
    private async Task ApplyAsync(Guid roundId, string terc)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var team = new[] { ("Anna Nowak", "woman", true), ("Jan Kowalski", "man", false), ("Ewa Zielińska", "woman", false) }
            .Select((p, i) => new { fullName = p.Item1, email = $"osoba{i}.{run}@{terc}.test", position = "urzędnik", phone = (string?)null, sex = p.Item2, isCoordinator = p.Item3 });
        var started = await platform.Gateway.PostAsJsonAsync($"/api/recruitment/rounds/{roundId}/applications", new
        {
            jstTerc = terc, team, schoolsRun = 3, tookPartBefore = false,
            declarations = new { informationClauseVersion = Cro.ServiceDefaults.InformationClause.Version, commitsToWholeCycle = true, consentsToPublishPractices = true },
        }, Ct);
        started.EnsureSuccessStatusCode();
        var draft = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/recruitment/applications/{draft.GetProperty("application").GetProperty("id").GetGuid()}/submit");
        submit.Headers.Add("X-Application-Key", draft.GetProperty("key").GetString());
        (await platform.Gateway.SendAsync(submit, Ct)).EnsureSuccessStatusCode();
    }
}
