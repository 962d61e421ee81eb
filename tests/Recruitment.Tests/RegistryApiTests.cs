using Cro.Recruitment.Features.Registry;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Recruitment.Tests;

public sealed class RegistryApiTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private readonly HttpClient _client = service.Client;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<SearchJst.SearchJstResponse?> SearchAsync(string query) =>
        _client.GetFromJsonAsync<SearchJst.SearchJstResponse>("/api/recruitment/jst?" + query, Ct);

    [Theory]
    [InlineData("lodz")]
    [InlineData("ŁÓDŹ")]
    [InlineData("Łódź")]
    public async Task Name_search_ignores_case_and_Polish_diacritics(string q)
    {
        var page = await SearchAsync($"q={Uri.EscapeDataString(q)}&kind=city-county");

        var lodz = Assert.Single(page!.Items);
        Assert.Equal(("1061011", "Łódź", "łódzkie"), (lodz.Terc, lodz.Name, lodz.Voivodeship.Name));
    }

    [Fact]
    public async Task Any_word_of_the_name_matches_by_its_start()
    {
        var page = await SearchAsync("q=mazowiecki&kind=urban-rural-municipality&limit=100");

        Assert.Contains(page!.Items, j => j.Name == "Grodzisk Mazowiecki");
        Assert.All(page.Items, j => Assert.Contains("Mazowiecki", j.Name));
    }

    [Fact]
    public async Task Terc_prefix_finds_the_units_of_a_county()
    {
        var page = await SearchAsync("q=0201&limit=100");

        Assert.Contains(page!.Items, j => j.Terc == "0201" && j.Name == "bolesławiecki" && j.Kind == JstKind.County);
        Assert.Contains(page.Items, j => j.Terc == "0201011" && j.Name == "Bolesławiec" && j.Kind == JstKind.UrbanMunicipality);
        Assert.All(page.Items, j => Assert.StartsWith("0201", j.Terc));
    }

    [Theory]
    [InlineData("q=Warszawa")]
    [InlineData("q=1465")]
    [InlineData("q=warszawa&kind=city-county&voivodeship=14")]
    public async Task Warsaw_is_offered_once_as_a_city_with_county_rights_under_its_municipality_code(string query)
    {
        var page = await SearchAsync(query + "&limit=100");

        var warsaw = Assert.Single(page!.Items, j => j.Name == "Warszawa");
        Assert.Equal(new JstResponse("1465011", "Warszawa", JstKind.CityCounty, new UnitRef("14", "mazowieckie"), new UnitRef("1465", "Warszawa"), false),
            warsaw);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/recruitment/jst/1465", Ct)).StatusCode);
    }

    [Fact]
    public async Task Filters_by_kind_and_voivodeship()
    {
        var page = await SearchAsync("kind=city-county&voivodeship=22&limit=100");

        Assert.Equal(["Gdańsk", "Gdynia", "Słupsk", "Sopot"], page!.Items.Select(j => j.Name).Order());
        Assert.All(page.Items, city => Assert.Equal(city.County!.Terc + "011", city.Terc));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync("kind=voivodeship&limit=5" + (cursor is null ? "" : "&cursor=" + cursor));
            names.AddRange(page!.Items.Select(j => j.Name));
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(16, names.Distinct().Count());
        var sortKeys = names.Select(SearchText.Normalize).ToList();
        Assert.Equal(sortKeys.Order(StringComparer.Ordinal), sortKeys);
    }

    [Fact]
    public async Task Jst_is_found_by_its_terc_code()
    {
        var gdansk = await _client.GetFromJsonAsync<JstResponse>("/api/recruitment/jst/2261011", Ct);

        Assert.Equal(new JstResponse("2261011", "Gdańsk", JstKind.CityCounty, new UnitRef("22", "pomorskie"), new UnitRef("2261", "Gdańsk"), false),
            gdansk);
    }

    [Fact]
    public async Task Unknown_terc_code_is_404_problem_details()
    {
        var response = await _client.GetAsync("/api/recruitment/jst/9999999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Contains("9999999", problem!.Detail);
    }

    [Theory]
    [InlineData("/api/recruitment/jst/12a", "terc")]
    [InlineData("/api/recruitment/jst/123", "terc")]
    [InlineData("/api/recruitment/jst?limit=0", "limit")]
    [InlineData("/api/recruitment/jst?limit=101", "limit")]
    [InlineData("/api/recruitment/jst?kind=village", "kind")]
    [InlineData("/api/recruitment/jst?voivodeship=mazowieckie", "voivodeship")]
    [InlineData("/api/recruitment/jst?cursor=not-a-cursor", "cursor")]
    public async Task Invalid_input_is_400_with_the_field_named(string url, string field)
    {
        var response = await _client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.True(problem!.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
    }

    [Fact]
    public async Task Malformed_number_is_400_problem_details()
    {
        var response = await _client.GetAsync("/api/recruitment/jst?limit=abc", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Errors_are_in_English_when_the_caller_asks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/recruitment/jst?limit=500");
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await (await _client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);

        Assert.Equal("The input is invalid.", problem!.Title);
        Assert.Equal("The limit must be a number from 1 to 100.", problem.Errors["limit"].Single());
    }
}
