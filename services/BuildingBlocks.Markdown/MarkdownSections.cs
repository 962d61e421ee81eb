using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Cro.BuildingBlocks.Markdown;

/// <param name="Slug">The section's anchor: its heading in lower-case ASCII words joined by hyphens (Polish letters without their marks), numbered from -2 when a heading repeats.</param>
/// <param name="Title">The heading's text; "Wstęp" for the text before the first heading.</param>
/// <param name="Level">The heading's level (1–6); 0 for the text before the first heading.</param>
/// <param name="Markdown">The section's source: its heading and what follows up to the next heading of any level.</param>
public sealed record MarkdownSection(string Slug, string Title, int Level, string Markdown);

/// <summary>
/// A document's sections are its Markdown headings: comments and revisions refer to a section by its slug, which depends
/// only on the heading's words (and their order among equal headings), so it stays the same in the next version as long
/// as the heading does. Text before the first heading is a section of its own, <see cref="PreambleSlug"/>.
/// </summary>
public static class MarkdownSections
{
    public const string PreambleSlug = "wstep";

    public static IReadOnlyList<MarkdownSection> Of(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, MarkdownRenderer.MarkdownPipeline);
        var headings = document.Descendants<HeadingBlock>().ToList();
        var sections = new List<MarkdownSection>();
        var slugs = new SlugSet();
        var firstStart = headings.Count > 0 ? headings[0].Span.Start : markdown.Length;
        if (!string.IsNullOrWhiteSpace(markdown[..firstStart]))
        {
            sections.Add(new MarkdownSection(slugs.Next("Wstęp"), "Wstęp", 0, markdown[..firstStart].Trim()));
        }
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Span.Start;
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : markdown.Length;
            var title = TitleOf(headings[i]);
            sections.Add(new MarkdownSection(slugs.Next(title), title, headings[i].Level, markdown[start..end].Trim()));
        }
        return sections;
    }

    /// <summary>The slug words make of <paramref name="title"/>: "Moduł M1: diagnoza" → "modul-m1-diagnoza".</summary>
    public static string Slugify(string title)
    {
        var folded = new StringBuilder();
        foreach (var c in title.ToLowerInvariant().Replace('ł', 'l').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }
        var slug = string.Join('-', folded.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "sekcja" : slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    internal static string TitleOf(HeadingBlock heading)
    {
        var text = new StringBuilder();
        if (heading.Inline is not null)
        {
            foreach (var inline in heading.Inline.Descendants())
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content);
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                }
            }
        }
        return text.ToString().Trim();
    }
}

/// <summary>Slugs unique within one document: the second "Cele" is "cele-2".</summary>
internal sealed class SlugSet
{
    private readonly HashSet<string> _taken = [];

    public string Next(string title)
    {
        var slug = MarkdownSections.Slugify(title);
        var unique = slug;
        for (var n = 2; !_taken.Add(unique); n++)
        {
            unique = $"{slug}-{n}";
        }
        return unique;
    }
}
