using System.Text.RegularExpressions;
using static Cro.EndToEnd.Tests.PageReload;

namespace Cro.EndToEnd.Tests;

/// <summary>ORE registers an invited advisor for one województwo, then assigns them to an accepted JST's team from the suggestion.</summary>
public static class AdvisorAssignment
{
    public static async Task RegisterAsync(IPage admin, string email, string advisorName, string voivodeship)
    {
        await admin.GetByRole(AriaRole.Link, new() { Name = "Doradztwo (obsługa)" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Doradztwa JST");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Doradcy i ich obciążenie" }).ClickAsync();
        await admin.GetByLabel("Adres e-mail").FillAsync(email);
        await admin.GetByLabel("Imię i nazwisko").FillAsync(advisorName);
        await admin.GetByLabel("Najwięcej JST naraz").FillAsync("10");
        await admin.GetByLabel(new Regex($"^{voivodeship}$", RegexOptions.IgnoreCase))
            .CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zarejestruj doradcę" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Zarejestrowano doradcę: {advisorName}");
        await Assertions.Expect(admin.GetByTestId("advisors-load").GetByRole(AriaRole.Row).Filter(new() { HasText = advisorName }))
            .ToContainTextAsync("0 z 10");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    /// <summary>The accepted team arrives in advisory by event; the operator takes the suggestion with the new advisor.</summary>
    public static async Task AssignFromTheSuggestionAsync(IPage admin, Guid roundId, string jst, string advisorName)
    {
        await admin.GotoAsync($"/administracja/doradztwo/przydzialy?nabor={roundId}");
        var advisorFor = admin.GetByLabel($"Doradca dla JST {jst}");
        await ReloadUntilVisibleAsync(admin, advisorFor);
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        var option = await advisorFor.Locator("option", new() { HasText = advisorName }).GetAttributeAsync("value");
        await advisorFor.SelectOptionAsync(option!);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Przydziel wybranych doradców" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{jst} — {advisorName}");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }
}
