using System.Net.Http.Json;

namespace Cro.EndToEnd.Tests;

/// <summary>A JST applies through the public API, as the form does: start the draft, then submit it with its key.</summary>
public static class PublicApplications
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Applied(Guid Id, IReadOnlyList<string> Emails);

    /// <summary>Applies with a team of three (a woman coordinator, a man, a woman) whose addresses are new on every call.</summary>
    public static async Task<Applied> ApplyAsync(PlatformFixture platform, Guid roundId, string terc)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var team = new[] { ("Anna Nowak", "woman", true), ("Jan Kowalski", "man", false), ("Ewa Zielińska", "woman", false) }
            .Select((p, i) => new { fullName = p.Item1, email = $"osoba{i}.{run}@{terc}.test", position = "urzędnik", phone = (string?)null, sex = p.Item2, isCoordinator = p.Item3 })
            .ToList();
        var started = await platform.Gateway.PostAsJsonAsync($"/api/recruitment/rounds/{roundId}/applications", new
        {
            jstTerc = terc, team, schoolsRun = 3, tookPartBefore = false,
            declarations = new { informationClauseVersion = Cro.ServiceDefaults.InformationClause.Version, commitsToWholeCycle = true, consentsToPublishPractices = true },
        }, Ct);
        started.EnsureSuccessStatusCode();
        var draft = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = draft.GetProperty("application").GetProperty("id").GetGuid();
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/recruitment/applications/{id}/submit");
        submit.Headers.Add("X-Application-Key", draft.GetProperty("key").GetString());
        (await platform.Gateway.SendAsync(submit, Ct)).EnsureSuccessStatusCode();
        return new Applied(id, [.. team.Select(p => p.email)]);
    }

    /// <summary>The id of the round the administrator just created under this name.</summary>
    public static async Task<Guid> RoundIdAsync(PlatformFixture platform, string name)
    {
        var rounds = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/recruitment/rounds", Ct);
        return rounds.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    /// <summary>The administrator opens a round under this name in the browser; its id, read from the API.</summary>
    public static async Task<Guid> OpenRoundAsync(PlatformFixture platform, IPage admin, string name)
    {
        await ApplicationFormTests.CreateOpenRoundAsync(admin, name);
        return await RoundIdAsync(platform, name);
    }

    /// <summary>A JST applies and the administrator accepts it from the round's list in the browser: where the paths after recruitment start.</summary>
    public static async Task<Applied> AcceptedAsync(PlatformFixture platform, IPage admin, Guid roundId, string terc, string jstName)
    {
        var applied = await ApplyAsync(platform, roundId, terc);
        await admin.GotoAsync($"/administracja/nabory/{roundId}");
        await AcceptFromTheListAsync(admin, jstName);
        return applied;
    }

    /// <summary>"Przyjmij" in the round's list, then the confirmation on the application's page.</summary>
    public static async Task AcceptFromTheListAsync(IPage admin, string jstName)
    {
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = jstName }).GetByRole(AriaRole.Button, new() { Name = "Przyjmij" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Potwierdź: przyjmij wniosek JST {jstName}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Zapisano decyzję" })).ToContainTextAsync("przyjęty");
    }
}
