namespace Cro.Web.Publishing;

/// <summary>The public addresses of the catalogue: its search, a practice's page, its files relayed by the web, the feed and the sitemap.</summary>
public static class CatalogueAddress
{
    public const string Catalogue = "/dobre-praktyki";
    public const string Feed = "/dobre-praktyki/kanal.xml";
    public const string Sitemap = "/sitemap.xml";

    public static string Practice(Guid id) => $"/dobre-praktyki/{id}";

    public static string File(Guid practiceId, Guid fileId) => $"/dobre-praktyki/{practiceId}/pliki/{fileId}";

    /// <summary>The address a visitor reaches, absolute, from the site's own (the request's, which the gateway passes on as the caller used it).</summary>
    public static string Absolute(string baseUri, string path) => baseUri.TrimEnd('/') + path;
}
