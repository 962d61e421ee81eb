using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Cro.BuildingBlocks.Markdown;

/// <summary>
/// Texts ORE's staff write in Markdown (training's lessons, evaluation's concept, programmes and materials) are shown as
/// HTML. Markdown lets authors write raw HTML, so whatever Markdig renders goes through HtmlSanitizer: scripts, event
/// handlers, styles that load things and javascript: links are removed, and only http(s) and mailto links are kept.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // Configured once here and only read afterwards, which is how the sanitiser may be shared between requests.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer(allowIds: false);

    // A document's headings keep their section's anchor (an id), so a link can point at a section.
    private static readonly HtmlSanitizer DocumentSanitizer = CreateSanitizer(allowIds: true);

    public const int MaxMarkdownLength = 200_000;

    /// <summary>The sanitised HTML of <paramref name="markdown"/>, without anchors (a lesson).</summary>
    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The sanitised HTML of a document whose every heading carries its section's slug as its id (<see cref="MarkdownSections"/>).</summary>
    public static string ToHtmlWithAnchors(string markdown) =>
        Render(markdown, [.. MarkdownSections.Of(markdown).Where(s => s.Level > 0).Select(s => s.Slug)]);

    /// <summary>
    /// The sanitised HTML of one section (<see cref="MarkdownSections.Of"/>), its heading carrying the section's slug: the
    /// slug the whole document gives it (a repeated heading's "-2" included), which the section alone could not know.
    /// </summary>
    public static string ToHtml(MarkdownSection section) => Render(section.Markdown, section.Level > 0 ? [section.Slug] : []);

    /// <summary>Renders <paramref name="markdown"/> with its headings' ids taken in order from <paramref name="ids"/>.</summary>
    private static string Render(string markdown, IReadOnlyList<string> ids)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var i = 0;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // Markdig's own identifiers are replaced (or dropped), so an id always names a section the service knows.
            heading.GetAttributes().Id = i < ids.Count ? ids[i] : null;
            i++;
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return DocumentSanitizer.Sanitize(writer.ToString());
    }

    private static HtmlSanitizer CreateSanitizer(bool allowIds)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        if (allowIds)
        {
            sanitizer.AllowedAttributes.Add("id");
        }
        return sanitizer;
    }

    internal static MarkdownPipeline MarkdownPipeline => Pipeline;
}
