using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing;

/// <summary>
/// The catalogue's addresses that are no pages, for anyone: a published practice's files relayed from publishing
/// (<see cref="DownloadRelay"/>), the Atom feed of the newest practices and the sitemap of the public pages and every
/// published practice (read page by page from the catalogue, newest first).
/// </summary>
public static class PublicCatalogueEndpoints
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The public pages a search engine should know besides the practices.</summary>
    public static readonly IReadOnlyList<string> PublicPages =
        ["/", CatalogueAddress.Catalogue, "/konferencje", "/nabory", "/szkolenia", "/wyszukaj-jst", "/o-projekcie", "/deklaracja-dostepnosci"];

    private const int FeedEntries = 30;
    private const int SitemapPageSize = 50;
    private const int SitemapMaxPractices = 40_000;

    public static IEndpointRouteBuilder MapPublicCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dobre-praktyki/{id:guid}/pliki/{fileId:guid}", async (Guid id, Guid fileId, PublishingClient publishing, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await publishing.CallAsync(c => c.DownloadPublishedPracticeFileAsync(id, fileId, ct)), context, "plik",
                ("Nie udało się pobrać pliku praktyki.", "The practice's file could not be downloaded.")))
            .AllowAnonymous();
        app.MapGet(CatalogueAddress.Feed, FeedAsync).AllowAnonymous();
        app.MapGet(CatalogueAddress.Sitemap, SitemapAsync).AllowAnonymous();
        return app;
    }

    private static string SiteUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static async Task<IResult> FeedAsync(PublishingClient publishing, HttpContext context, CancellationToken ct)
    {
        var found = await publishing.CallAsync(c => c.SearchPublishedPracticesAsync(null, null, null, null, null, null, null, null, 1, FeedEntries, ct));
        if (found.Value is not { } result)
        {
            return Results.Problem(statusCode: (int)found.Status, title: Text.Pick("Kanał jest chwilowo niedostępny.", "The feed is unavailable at the moment."),
                detail: string.Join(" ", found.Errors.All));
        }
        var site = SiteUrl(context);
        var updated = result.Items.Count > 0 ? result.Items.Max(i => i.UpdatedAt) : DateTimeOffset.UnixEpoch;
        var feed = new XElement(Atom + "feed", new XAttribute(XNamespace.Xml + "lang", "pl"),
            new XElement(Atom + "id", site + CatalogueAddress.Feed),
            new XElement(Atom + "title", "Dobre praktyki samorządów — CRO"),
            new XElement(Atom + "subtitle", "Nowe dobre praktyki samorządów w cyfryzacji szkół, opublikowane w katalogu programu Cyfrowy Rozwój Oświaty."),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "Ośrodek Rozwoju Edukacji")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"),
                new XAttribute("href", site + CatalogueAddress.Feed)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                new XAttribute("href", site + CatalogueAddress.Catalogue)),
            result.Items.Select(item => new XElement(Atom + "entry",
                new XElement(Atom + "id", $"urn:uuid:{item.Id}"),
                new XElement(Atom + "title", item.Title),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                    new XAttribute("href", site + CatalogueAddress.Practice(item.Id))),
                new XElement(Atom + "published", Timestamp(item.PublishedAt)),
                new XElement(Atom + "updated", Timestamp(item.UpdatedAt)),
                new XElement(Atom + "author", new XElement(Atom + "name", item.JstName)),
                item.Topics.Select(topic => new XElement(Atom + "category", new XAttribute("term", topic))),
                new XElement(Atom + "summary", item.Summary))));
        return Xml(feed, "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(PublishingClient publishing, HttpContext context, CancellationToken ct)
    {
        var site = SiteUrl(context);
        var urls = PublicPages.Select(path => new XElement(Sitemaps + "url", new XElement(Sitemaps + "loc", site + path))).ToList();
        for (var page = 1; (page - 1) * SitemapPageSize < SitemapMaxPractices; page++)
        {
            var current = page;
            var found = await publishing.CallAsync(c => c.SearchPublishedPracticesAsync(null, null, null, null, null, null, null, null, current,
                SitemapPageSize, ct));
            if (found.Value is not { } result)
            {
                // Without the catalogue the public pages are still worth listing; a search engine comes back.
                break;
            }
            urls.AddRange(result.Items.Select(item => new XElement(Sitemaps + "url",
                new XElement(Sitemaps + "loc", site + CatalogueAddress.Practice(item.Id)),
                new XElement(Sitemaps + "lastmod", item.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
            if (result.Items.Count < SitemapPageSize || page * SitemapPageSize >= result.Total)
            {
                break;
            }
        }
        return Xml(new XElement(Sitemaps + "urlset", urls), "application/xml; charset=utf-8");
    }

    private static string Timestamp(DateTimeOffset at) => XmlConvert.ToString(at.ToUniversalTime().UtcDateTime, XmlDateTimeSerializationMode.Utc);

    private static IResult Xml(XElement root, string contentType) =>
        Results.Text(new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting),
            contentType, System.Text.Encoding.UTF8);
}
