using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Tests.Publishing;

/// <summary>
/// The public catalogue against a fake publishing service, without an account: the search page sends the filters of its GET
/// form and shows results and facet counts; a practice's page carries valid JSON-LD naming only the consented authors; the
/// Atom feed and the sitemap list the published practices; files are relayed.
/// </summary>
public sealed partial class CataloguePageTests : IDisposable
{
    private static readonly Guid PracticeId = Guid.NewGuid(), PhotoId = Guid.NewGuid(), AttachmentId = Guid.NewGuid();
    private static readonly DateTimeOffset Published = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public CataloguePageTests() => _web.Publishing.Json(HttpMethod.Get, "/api/publishing/template", Template);

    public void Dispose() => _web.Dispose();

    internal static PracticeTemplateLists Template => new()
    {
        Topics = [new TemplateChoice { Code = "equipment", Pl = "Sprzęt i sieć", En = "Equipment and network" },
            new TemplateChoice { Code = "exclusion", Pl = "Wykluczenie cyfrowe", En = "Digital exclusion" }],
        Licences = [new PracticeLicence { Code = "CC-BY-4.0", Pl = "Uznanie autorstwa 4.0 (CC BY 4.0)", En = "Attribution 4.0 (CC BY 4.0)",
            Url = new Uri("https://creativecommons.org/licenses/by/4.0/deed.pl") },
            new PracticeLicence { Code = "CC0-1.0", Pl = "Przekazanie do domeny publicznej (CC0 1.0)", En = "Public domain (CC0 1.0)",
                Url = new Uri("https://creativecommons.org/publicdomain/zero/1.0/deed.pl") }],
        DefaultLicence = "CC-BY-4.0",
        CostSources = [new TemplateChoice { Code = "jst", Pl = "Budżet JST", En = "The JST's budget" }, new TemplateChoice { Code = "eu", Pl = "Fundusze UE", En = "EU funds" }],
        CostRanges = [new PracticeCostRange { Code = "none", From = 0, To = 0.01, Pl = "Bez kosztów", En = "No cost" },
            new PracticeCostRange { Code = "10k-50k", From = 10_000, To = 50_000, Pl = "10 000 – 50 000 zł", En = "PLN 10,000 – 50,000" }],
        MaxAttachmentBytes = 10_000_000, MaxPhotoBytes = 5_000_000, AttachmentTypes = ["application/pdf"], PhotoTypes = ["image/jpeg"],
    };

    private static CatalogueItem Item => new()
    {
        Id = PracticeId, Title = "Laptopy dla uczniów z gmin wiejskich", Summary = "Wypożyczalnia laptopów w szkołach.", JstTerc = "1206011",
        JstName = "Gromadka", JstKind = "rural-municipality", VoivodeshipTerc = "12", VoivodeshipName = "małopolskie", Topics = ["equipment"],
        TotalCost = 42_000, Licence = "CC-BY-4.0", Year = 2026, PublishedAt = Published, UpdatedAt = Published.AddDays(3), Rank = 0.5, Photo = null,
    };

    private static CatalogueSearchResult Result(int total = 1, int page = 1) => new()
    {
        Total = total, Page = page, PageSize = 20, Items = [Item],
        Facets = new CatalogueFacets
        {
            Topics = [new CatalogueFacetCount { Value = "equipment", Count = 7 }, new CatalogueFacetCount { Value = "exclusion", Count = 3 }],
            Kinds = [new CatalogueFacetCount { Value = "rural-municipality", Count = 5 }],
            Voivodeships = [new CatalogueFacetCount { Value = "12", Count = 4 }],
            Years = [new CatalogueFacetCount { Value = "2026", Count = 9 }],
            CostRanges = [new CatalogueFacetCount { Value = "none", Count = 2 }, new CatalogueFacetCount { Value = "10k-50k", Count = 6 }],
        },
    };

    internal static PublishedPractice Practice => new()
    {
        Id = PracticeId, Version = 2, Title = "Laptopy dla uczniów z gmin wiejskich", Summary = "Wypożyczalnia laptopów w szkołach.",
        Jst = new PublishedPracticeJst { Terc = "1206011", Name = "Gromadka", Kind = "rural-municipality", VoivodeshipTerc = "12", VoivodeshipName = "małopolskie" },
        Topics = ["equipment"], Problem = "Uczniowie bez komputera w domu.", Solution = "Szkoły wypożyczają laptopy na semestr.",
        Steps = [new PracticeStep { Title = "Inwentaryzacja sprzętu", Description = "Spis w każdej szkole." }],
        Effects = "120 uczniów z laptopem.", Evidence = [new PracticeEffectEvidence { Description = "Raport z wypożyczeń", Value = 120, Unit = "uczniów",
            Url = "https://gromadka.example.pl/raport" }],
        PlanId = null, PlanActionIds = [], Costs = [new PracticeCost { Description = "Zakup laptopów", Amount = 42_000, Source = "eu" }], TotalCost = 42_000,
        Partners = ["Fundacja Cyfrowa"], Difficulties = "Serwis sprzętu.", ToRepeat = "Regulamin wypożyczeń.",
        Contacts = [new PracticeContact { FullName = "Jan Kontaktowy", Position = "Wydział Edukacji", Email = "edukacja@gromadka.example.pl" }],
        Authors = ["Maria Zgodna"],
        Licence = new PracticeLicence { Code = "CC-BY-4.0", Pl = "Uznanie autorstwa 4.0 (CC BY 4.0)", En = "Attribution 4.0 (CC BY 4.0)",
            Url = new Uri("https://creativecommons.org/licenses/by/4.0/deed.pl") },
        Attachments = [new PublishedPracticeFile { Id = AttachmentId, FileName = "regulamin.pdf", ContentType = "application/pdf", SizeBytes = 20_480,
            Description = "Regulamin wypożyczeń", AltText = null, Path = $"/api/publishing/catalogue/practices/{PracticeId}/files/{AttachmentId}" }],
        Photos = [new PublishedPracticeFile { Id = PhotoId, FileName = "klasa.jpg", ContentType = "image/jpeg", SizeBytes = 300_000, Description = null,
            AltText = "Uczniowie przy laptopach w klasie", Path = $"/api/publishing/catalogue/practices/{PracticeId}/files/{PhotoId}" }],
        PublishedAt = Published, UpdatedAt = Published.AddDays(3),
    };

    [Fact]
    public async Task The_catalogue_sends_the_filters_of_its_get_form_and_shows_results_with_facet_counts()
    {
        const string Api = "/api/publishing/catalogue/practices?q=laptop&topic=equipment&topic=exclusion&kind=rural-municipality&voivodeship=12"
            + "&costRange=10k-50k&year=2026&page=2&pageSize=20";
        _web.Publishing.Json(HttpMethod.Get, Api, Result(total: 41, page: 2));

        var html = await WebWithFakeServices.PageAsync(await _web.Browser().GetAsync(
            "/dobre-praktyki?q=laptop&topic=equipment&topic=exclusion&kind=rural-municipality&voivodeship=12&costRange=10k-50k&year=2026&page=2", Ct));

        Assert.Contains(_web.Publishing.Requests, r => r.Path == Api);
        Assert.Contains("Znaleziono praktyk: 41", html);
        Assert.Contains($"href=\"/dobre-praktyki/{PracticeId}\"", html);
        Assert.Contains("Sprzęt i sieć (7)", html);
        Assert.Contains("Wykluczenie cyfrowe (3)", html);
        Assert.Contains("gmina wiejska (5)", html);
        Assert.Contains("małopolskie (4)", html);
        Assert.Contains("10 000 – 50 000 zł (6)", html);
        Assert.Contains("<option value=\"2026\" selected", html);
        Assert.Contains("method=\"get\" action=\"/dobre-praktyki\"", html);
        Assert.Contains("checked", CheckboxOf(html, "catalogue-topic-exclusion"));
        // Three pages of 20: the previous and the next keep the filters.
        Assert.Contains("href=\"/dobre-praktyki?q=laptop&topic=equipment&topic=exclusion&kind=rural-municipality&voivodeship=12&costRange=10k-50k&year=2026&page=3\"", html);
        Assert.Contains("href=\"/dobre-praktyki?q=laptop&topic=equipment&topic=exclusion&kind=rural-municipality&voivodeship=12&costRange=10k-50k&year=2026\" rel=\"prev\"", html);
        foreach (var id in FieldIds().Matches(html).Select(m => m.Groups[1].Value).Where(id => id.StartsWith("catalogue-", StringComparison.Ordinal)))
        {
            Assert.Contains($"for=\"{id}\"", html);
        }
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task The_form_sent_with_every_filter_at_any_asks_for_everything()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/catalogue/practices?page=1&pageSize=20", Result());

        var html = await WebWithFakeServices.PageAsync(await _web.Browser().GetAsync(
            "/dobre-praktyki?q=+&kind=&voivodeship=&costRange=&year=&page=abc", Ct));

        Assert.Contains("Znaleziono praktyk: 1", html);
        Assert.Contains("Sprzęt i sieć (7)", html);
        Assert.DoesNotContain("Wyczyść filtry", html);
    }

    [Fact]
    public async Task A_practice_page_shows_every_field_and_valid_json_ld_with_the_consented_authors_only()
    {
        _web.Publishing.Json(HttpMethod.Get, $"/api/publishing/catalogue/practices/{PracticeId}", Practice);

        var response = await _web.Browser().GetAsync($"/dobre-praktyki/{PracticeId}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var json = JsonLd().Match(html);
        Assert.True(json.Success, "The page has a JSON-LD block.");
        using var document = JsonDocument.Parse(json.Groups[1].Value);
        var root = document.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Article", root.GetProperty("@type").GetString());
        Assert.Equal("Laptopy dla uczniów z gmin wiejskich", root.GetProperty("name").GetString());
        Assert.Equal("pl", root.GetProperty("inLanguage").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.pl", root.GetProperty("license").GetString());
        Assert.Equal("Gromadka", root.GetProperty("spatialCoverage").GetProperty("name").GetString());
        Assert.Equal("Sprzęt i sieć", root.GetProperty("about")[0].GetProperty("name").GetString());
        Assert.Equal(["Maria Zgodna"], root.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(Published, root.GetProperty("datePublished").GetDateTimeOffset());
        Assert.DoesNotContain("</", json.Groups[1].Value);

        var text = System.Net.WebUtility.HtmlDecode(html);
        foreach (var field in new[] { "Uczniowie bez komputera w domu.", "Szkoły wypożyczają laptopy na semestr.", "Inwentaryzacja sprzętu", "120 uczniów z laptopem.",
            "Raport z wypożyczeń", "Zakup laptopów", "Fundusze UE", "42\u00a0000 zł", "Fundacja Cyfrowa", "Serwis sprzętu.", "Regulamin wypożyczeń.", "Jan Kontaktowy",
            "Maria Zgodna", "Uznanie autorstwa 4.0 (CC BY 4.0)", "gmina wiejska" })
        {
            Assert.Contains(field, text);
        }
        Assert.Contains("alt=\"Uczniowie przy laptopach w klasie\"", text);
        Assert.Contains($"src=\"/dobre-praktyki/{PracticeId}/pliki/{PhotoId}\"", text);
        Assert.Contains($"href=\"/dobre-praktyki/{PracticeId}/pliki/{AttachmentId}\"", text);
        Assert.Contains("rel=\"license\"", text);
        Assert.Contains($"rel=\"canonical\" href=\"http://localhost/dobre-praktyki/{PracticeId}\"", text);
        Assert.Contains("href=\"mailto:?subject=", text);
        Assert.DoesNotContain("style=", html);
        // The only script elements: the framework's own file and the JSON-LD data block, which the policy does not run.
        Assert.Equal(2, Regex.Count(html, "<script"));
    }

    [Fact]
    public async Task A_practice_on_actions_of_the_JSTs_plan_shows_what_the_JST_reported_of_them()
    {
        var (planId, action, goal, report) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var practice = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Practice, new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        practice["planId"] = planId.ToString();
        practice["planActionIds"] = new System.Text.Json.Nodes.JsonArray(action.ToString());
        _web.Publishing.Json(HttpMethod.Get, $"/api/publishing/catalogue/practices/{PracticeId}", practice);
        _web.Monitoring.Json(HttpMethod.Get, $"/api/monitoring/public/practices/{PracticeId}/results", new
        {
            practiceId = PracticeId, planId, jstTerc = "1206011", jstName = "Gromadka", versionInForce = 2,
            periods = new[] { new { reportId = report, number = 1, phase = "project", startsOn = "2026-01-01", endsOn = "2026-03-31", dueOn = "2026-04-30", status = "accepted" } },
            actions = new[]
            {
                new
                {
                    id = action, title = "Zakup laptopów", inForce = true, priorityId = (Guid?)null, goalIds = new[] { goal }, startsOn = "2026-01-01", endsOn = "2027-06-30",
                    totalBudget = 150_000, reported = new[] { new { reportId = report, number = 1, reportStatus = "accepted", status = "in-progress", progress = 40, spent = 60_000 } },
                    practiceIds = new[] { PracticeId },
                },
            },
            goals = new[]
            {
                new
                {
                    id = goal, title = "Mniej uczniów na komputer", inForce = true, priorityId = (Guid?)null, actionIds = new[] { action }, indicator = "figure:pupils_per_computer",
                    unit = "uczniów", baseline = 9.5, target = 6, targetDate = "2027-06-30", reported = new[] { new { reportId = report, number = 1, reportStatus = "accepted", value = 8 } },
                },
            },
        });

        var html = await WebWithFakeServices.PageAsync(await _web.Browser().GetAsync($"/dobre-praktyki/{PracticeId}", Ct));

        Assert.Contains("Rezultaty w planie strategicznym JST", html);
        Assert.Contains("<h3>Zakup laptopów</h3>", html);
        Assert.Matches("<th scope=\"row\">1 stycznia 2026 – 31 marca 2026</th><td>[^<]+</td>\\s*<td>40%</td><td>60\u00a0000 zł</td>", html);
        Assert.Contains("8 uczniów (1 stycznia 2026 – 31 marca 2026)", html);
        Assert.Contains("9,5 uczniów", html);
    }

    [Fact]
    public async Task A_practice_not_in_the_catalogue_answers_404()
    {
        var response = await _web.Browser().GetAsync($"/dobre-praktyki/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_atom_feed_and_the_sitemap_list_the_published_practices_and_files_are_relayed()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/catalogue/practices?page=1&pageSize=30", Result());
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/catalogue/practices?page=1&pageSize=50", Result());
        _web.Publishing.File($"/api/publishing/catalogue/practices/{PracticeId}/files/{AttachmentId}", [1, 2, 3], "application/pdf", "regulamin.pdf");
        var browser = _web.Browser();

        var feedResponse = await browser.GetAsync("/dobre-praktyki/kanal.xml", Ct);
        Assert.Equal("application/atom+xml", feedResponse.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync(Ct));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal("Laptopy dla uczniów z gmin wiejskich", entry.Element(atom + "title")!.Value);
        Assert.Equal($"http://localhost/dobre-praktyki/{PracticeId}", entry.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Equal($"urn:uuid:{PracticeId}", entry.Element(atom + "id")!.Value);

        var sitemap = XDocument.Parse(await browser.GetStringAsync("/sitemap.xml", Ct));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains($"http://localhost/dobre-praktyki/{PracticeId}", locations);
        Assert.Contains("http://localhost/dobre-praktyki", locations);

        var file = await browser.GetAsync($"/dobre-praktyki/{PracticeId}/pliki/{AttachmentId}", Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal([1, 2, 3], await file.Content.ReadAsByteArrayAsync(Ct));
    }

    private static string CheckboxOf(string html, string id) => Regex.Match(html, $"<input[^>]*id=\"{id}\"[^>]*>").Value;

    [GeneratedRegex("<script type=\"application/ld\\+json\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [GeneratedRegex("<(?:input|select|textarea)[^>]*?\\sid=\"([^\"]+)\"")]
    private static partial Regex FieldIds();
}
