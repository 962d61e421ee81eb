using System.Runtime.CompilerServices;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// What the browser refused to load or run under the site's Content-Security-Policy, per page: a page
/// that needs an inline script or style it may not have is broken for its users, so tests check it
/// wherever they check accessibility.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Refusals = [];

    public static void Watch(IPage page)
    {
        var refusals = Refusals.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (refusals)
                {
                    refusals.Add($"{page.Url}: {message.Text}");
                }
            }
        };
    }

    public static void AssertNothingRefused(IPage page)
    {
        var refusals = Refusals.GetOrCreateValue(page);
        lock (refusals)
        {
            Assert.True(refusals.Count == 0, string.Join("\n", refusals));
        }
    }
}
