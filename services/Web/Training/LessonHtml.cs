using System.Text.RegularExpressions;

namespace Cro.Web.Training;

/// <summary>
/// A lesson's HTML as the page shows it. The service has sanitised it; the page only moves its headings one level
/// down, because the page's own title is its one h1 and a lesson written with "# Title" would add a second.
/// </summary>
public static partial class LessonHtml
{
    public static string ForPage(string? html) => html is null ? "" : Heading().Replace(html, m =>
        $"<{m.Groups[1].Value}h{Math.Min(int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, 6)}");

    [GeneratedRegex(@"<(/?)h([1-6])(?=[\s>/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();
}
