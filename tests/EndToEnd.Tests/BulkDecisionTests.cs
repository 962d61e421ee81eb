namespace Cro.EndToEnd.Tests;

/// <summary>An operator previews the decisions by ranking for a round and confirms them.</summary>
public sealed class BulkDecisionTests(PlatformFixture platform, BrowserFixture browser)
{
    [Fact]
    public async Task Operator_previews_the_decisions_by_ranking_and_confirms_them()
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        var name = $"Nabór rankingowy {Guid.NewGuid():N}"[..26];
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, name);
        foreach (var terc in new[] { "0201032", "0201052" })
        {
            await PublicApplications.ApplyAsync(platform, roundId, terc);
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
}
