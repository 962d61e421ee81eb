namespace Cro.Publishing.Tests;

/// <summary>
/// The catalogue's Polish search configuration (migration 0001 on the dictionary deploy/postgres/polish-dictionary.sh
/// installs): inflected forms find each other, diacritics are optional, function words are ignored.
/// </summary>
public sealed class PolishSearchTests(PublishingService service) : IClassFixture<PublishingService>
{
    private async Task<bool> MatchesAsync(string text, string query) =>
        (await service.QueryAsync<bool>("SELECT to_tsvector('polish_ascii', @text) @@ websearch_to_tsquery('polish_ascii', @query)", new { text, query }))
        .Single();

    [Theory]
    [InlineData("Nowa szkoła podstawowa w gminie", "szkoły")]
    [InlineData("Laptopy dla szkół gminy", "szkoła")]
    [InlineData("Przeciwdziałanie wykluczeniu cyfrowemu uczniów", "wykluczenie cyfrowe")]
    [InlineData("Wykluczenie cyfrowe seniorów i uczniów", "wykluczenia")]
    [InlineData("Łączność światłowodowa w szkołach", "lacznosc swiatlowodowa")]
    [InlineData("Szkolenia nauczycieli z kompetencji cyfrowych", "kompetencje cyfrowe nauczyciela")]
    public async Task Inflected_forms_and_text_without_diacritics_find_each_other(string text, string query) =>
        Assert.True(await MatchesAsync(text, query), $"'{query}' should find '{text}'");

    [Theory]
    [InlineData("Wi-Fi w każdej sali", "laptopy")]
    [InlineData("Szkoła w gminie", "nauczyciele")]
    public async Task Other_words_do_not(string text, string query) => Assert.False(await MatchesAsync(text, query));

    [Fact]
    public async Task Function_words_are_not_indexed()
    {
        var lexemes = (await service.QueryAsync<string>("SELECT unnest(tsvector_to_array(to_tsvector('polish_ascii', 'Sieć w szkole i na boisku')))", new { })).ToList();
        Assert.DoesNotContain("w", lexemes);
        Assert.DoesNotContain("i", lexemes);
        Assert.DoesNotContain("na", lexemes);
        Assert.Contains("szkola", lexemes);
    }
}
