using Ganss.Xss;
using Markdig;

namespace Cro.Training.Features.Materials;

/// <summary>
/// Lessons are written in Markdown and shown as HTML. Markdown lets authors write raw HTML, so whatever
/// Markdig renders goes through HtmlSanitizer: scripts, event handlers, styles that load things and
/// javascript: links are removed, and only http(s) and mailto links are kept.
/// </summary>
public static class LessonRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // Configured once here and only read afterwards, which is how the sanitiser may be shared between requests.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public const int MaxMarkdownLength = 200_000;

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
