using Cro.Publishing.Features.Catalogue;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Tests;

/// <summary>
/// The public catalogue's search over published practices, as a reader without an account uses it: Polish words found in any
/// inflected form and without Polish letters, the title's matches ranked first, and facets (topic, the JST's kind and
/// województwo, cost, year) that filter and count; practices not published are never found.
/// </summary>
public sealed class CatalogueSearchTests(CatalogueService service) : IClassFixture<CatalogueService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SearchCatalogue.Result> SearchAsync(HttpClient client, string query) =>
        await Practices.ReadAsync<SearchCatalogue.Result>(await client.GetAsync($"/api/publishing/catalogue/practices?{query}", Ct));

    private async Task<string[]> FoundAsync(string query) =>
        [.. (await SearchAsync(service.Anonymous, query)).Items.Select(i => service.Ids.Single(id => id.Value == i.Id).Key)];

    [Theory]
    [InlineData("q=szkoły", new[] { "szkoła", "łączność" })]
    [InlineData("q=szkola", new[] { "szkoła", "łączność" })]
    [InlineData("q=wykluczenia", new[] { "wykluczenie" })]
    [InlineData("q=wykluczeniu%20cyfrowemu", new[] { "wykluczenie" })]
    [InlineData("q=lacznosc", new[] { "łączność" })]
    [InlineData("q=łączności%20światłowodowej", new[] { "łączność" })]
    [InlineData("q=%22pracownia%20robotyki%22", new[] { "szkoła" })]
    [InlineData("q=laptopy%20-powiat", new string[0])]
    [InlineData("q=telewizja", new string[0])]
    public async Task Inflected_forms_and_words_without_Polish_letters_find_published_practices_title_matches_first(string query, string[] expected) =>
        Assert.Equal(expected, await FoundAsync(query));

    [Fact]
    public async Task Without_words_the_newest_come_first_in_pages_and_a_search_of_function_words_alone_finds_everything()
    {
        Assert.Equal(["łączność", "wykluczenie", "szkoła"], await FoundAsync(""));
        Assert.Equal(["łączność", "wykluczenie", "szkoła"], await FoundAsync("q=w%20i%20na"));
        var second = await SearchAsync(service.Anonymous, "pageSize=1&page=2");
        Assert.Equal((3, 2, 1), (second.Total, second.Page, second.PageSize));
        Assert.Equal(service.Ids["wykluczenie"], Assert.Single(second.Items).Id);
        var item = second.Items[0];
        Assert.Equal(("Powiat brzeski", "county", "12", "małopolskie", 40_000m), (item.JstName, item.JstKind, item.VoivodeshipTerc, item.VoivodeshipName, item.TotalCost));
        Assert.Null(item.Rank);
    }

    [Fact]
    public async Task Facets_filter_and_count_each_value_among_what_the_other_filters_leave()
    {
        Assert.Equal(["wykluczenie"], await FoundAsync("topic=exclusion"));
        Assert.Equal(["łączność", "wykluczenie"], await FoundAsync("topic=exclusion&topic=infrastructure"));
        Assert.Equal(["szkoła"], await FoundAsync("kind=urban-municipality"));
        Assert.Equal(["łączność"], await FoundAsync("voivodeship=24"));
        Assert.Equal(["łączność"], await FoundAsync("costRange=none"));
        Assert.Equal(["wykluczenie"], await FoundAsync("costFrom=10000&costTo=50000"));
        Assert.Equal(["szkoła"], await FoundAsync("costRange=over-200k&q=szkoly"));
        var year = DateTime.UtcNow.Year;
        Assert.Equal(["łączność", "wykluczenie", "szkoła"], await FoundAsync($"year={year}"));
        Assert.Empty(await FoundAsync("year=2001"));

        var inMalopolska = await SearchAsync(service.Anonymous, "voivodeship=12");
        Assert.Equal(2, inMalopolska.Total);
        // The województwo facet counts every województwo under the other filters (none here), so a reader sees where else to look.
        Assert.Equal([("12", 2), ("24", 1)], inMalopolska.Facets.Voivodeships.Select(f => (f.Value, f.Count)).OrderBy(f => f.Value));
        Assert.Equal([("county", 1), ("urban-municipality", 1)], inMalopolska.Facets.Kinds.Select(f => (f.Value, f.Count)).OrderBy(f => f.Value));
        Assert.Equal([("exclusion", 1), ("m2-pupils-exclusion", 1), ("teaching", 1)], inMalopolska.Facets.Topics.Select(f => (f.Value, f.Count)).OrderBy(f => f.Value));
        Assert.Equal([("none", 0), ("up-to-10k", 0), ("10k-50k", 1), ("50k-200k", 0), ("over-200k", 1)],
            inMalopolska.Facets.CostRanges.Select(f => (f.Value, f.Count)));
        Assert.Equal([(year.ToString(System.Globalization.CultureInfo.InvariantCulture), 2)], inMalopolska.Facets.Years.Select(f => (f.Value, f.Count)));
    }

    [Fact]
    public async Task A_bad_filter_is_refused_naming_it()
    {
        var response = await service.Anonymous.GetAsync("/api/publishing/catalogue/practices?topic=astrologia&voivodeship=1&pageSize=500&costFrom=10&costTo=5", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        foreach (var field in new[] { "topic[0]", "voivodeship", "pageSize", "costTo" })
        {
            Assert.Contains($"\"{field}\"", body);
        }
    }
}

/// <summary>
/// The publishing service with three practices published once for the class: a school's robotics lab (a gmina), laptops
/// against pupils' digital exclusion (a powiat) and a city's fibre network (a city with powiat rights), in two
/// województwa; and a draft and a practice in review about schools, which no search may find. Their texts name nothing
/// the others do, so what a query finds is what it should.
/// </summary>
public sealed class CatalogueService : PublishingService, IAsyncLifetime
{
    public Dictionary<string, Guid> Ids { get; } = [];

    /// <summary>A complete practice whose only words are the ones given (steps, effects, costs say nothing of schools or networks).</summary>
    private static PracticeTemplate Neutral(string title, string summary, string problem, string solution, string[] topics, decimal cost) =>
        Practices.Complete(title: title, summary: summary, problem: problem, solution: solution, topics: topics) with
        {
            Steps = [new PracticeStep("Przygotowanie")], Effects = "Zadowoleni mieszkańcy.", Evidence = [], Partners = [], Difficulties = null,
            ToRepeat = null, Costs = [new CostItem("Zakup", cost, "jst-budget")],
        };

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var gmina = await JstWithTeamAsync("1201011", "Bochnia", "urban-municipality", "małopolskie");
        var powiat = await JstWithTeamAsync("1202", "Powiat brzeski", "county", "małopolskie");
        var miasto = await JstWithTeamAsync("2461011", "Bielsko-Biała", "city-county", "śląskie");
        async Task Publish(string key, Team team, PracticeTemplate template) => Ids[key] = (await Practices.PublishedAsync(this, team, template)).Id;

        await Publish("szkoła", gmina, Neutral("Nowa szkoła podstawowa z pracownią robotyki", "Pracownia w nowym budynku.",
            "Dzieci dojeżdżały do zajęć 30 km.", "Gmina wyposażyła pracownię.", ["teaching"], 250_000m));
        await Publish("wykluczenie", powiat, Neutral("Laptopy dla uczniów z rodzin w trudnej sytuacji", "Wypożyczalnia sprzętu.",
            "Wykluczenie cyfrowe uczniów utrudniało naukę zdalną.", "Powiat wypożycza laptopy.", ["exclusion", "m2-pupils-exclusion"], 40_000m));
        await Publish("łączność", miasto, Neutral("Łączność światłowodowa w mieście", "Sieć miejska.",
            "Słaby internet.", "Światłowód do każdej placówki; mowa też o szkołach.", ["infrastructure"], 0m));
        // A draft and a practice in review, about schools, are never found.
        var author = As(gmina, gmina.Coordinator);
        await Practices.StartAsync(author, Neutral("Szkoła w chmurze (szkic)", "Szkoła.", "Szkoła.", "Szkoła.", ["teaching"], 1m));
        var inReview = await Practices.StartAsync(author, Neutral("Szkoła bez papieru (w ocenie)", "Szkoła.", "Szkoła.", "Szkoła.", ["teaching"], 1m));
        await Practices.PostAsync(author, inReview.Id, "submit");
    }
}
