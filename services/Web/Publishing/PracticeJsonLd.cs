using System.Text.Json;
using System.Text.Json.Nodes;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing;

/// <summary>
/// A published practice as schema.org describes it (an <c>Article</c>), for search engines and other catalogues: its name,
/// summary, topics, the JST as the place it covers, the authors who consented to be named, dates, licence and language. The
/// text is serialised with the default encoder, which escapes &lt; and &gt;, so it cannot close the script element it is
/// written in.
/// </summary>
public static class PracticeJsonLd
{
    public static string For(PublishedPractice practice, string pageUrl, PracticeTemplateLists? template, string siteUrl)
    {
        var document = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["@id"] = pageUrl,
            ["url"] = pageUrl,
            ["mainEntityOfPage"] = pageUrl,
            ["name"] = practice.Title,
            ["headline"] = practice.Title.Length <= 110 ? practice.Title : practice.Title[..110],
            ["description"] = practice.Summary,
            ["about"] = new JsonArray([.. practice.Topics.Select(t => (JsonNode)new JsonObject
            {
                ["@type"] = "Thing", ["identifier"] = t, ["name"] = PracticeLabels.Name(template?.Topics, t),
            })]),
            ["spatialCoverage"] = new JsonObject
            {
                ["@type"] = "AdministrativeArea", ["name"] = practice.Jst.Name, ["identifier"] = $"TERC {practice.Jst.Terc}",
                ["containedInPlace"] = new JsonObject
                {
                    ["@type"] = "AdministrativeArea",
                    ["name"] = "województwo " + (practice.Jst.VoivodeshipName ?? PracticeLabels.Voivodeship(practice.Jst.VoivodeshipTerc)),
                },
            },
            ["author"] = new JsonArray([.. practice.Authors.Select(a => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = a })]),
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Ośrodek Rozwoju Edukacji", ["url"] = siteUrl },
            ["datePublished"] = practice.PublishedAt.ToString("O"),
            ["dateModified"] = practice.UpdatedAt.ToString("O"),
            ["version"] = practice.Version,
            ["license"] = practice.Licence.Url.ToString(),
            ["inLanguage"] = "pl",
            ["isAccessibleForFree"] = true,
        };
        if (practice.Photos.Count > 0)
        {
            document["image"] = new JsonArray([.. practice.Photos.Select(p => (JsonNode)new JsonObject
            {
                ["@type"] = "ImageObject", ["contentUrl"] = siteUrl.TrimEnd('/') + CatalogueAddress.File(practice.Id, p.Id), ["description"] = p.AltText,
            })]);
        }
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
