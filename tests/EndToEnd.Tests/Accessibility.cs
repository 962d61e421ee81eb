using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// axe-core in the page: WCAG 2.1 A and AA, as Polish law asks of public bodies' sites; and nothing the page
/// needs was refused by its Content-Security-Policy.
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoWcagViolationsAsync(IPage page)
    {
        ContentSecurityPolicy.AssertNothingRefused(page);
        var result = await page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
