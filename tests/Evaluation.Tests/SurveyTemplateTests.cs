using System.Text.Json;
using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>
/// Templates are versioned data: the three seeded surveys are there; ORE adds a new version, which is issued from then on
/// while surveys issued before keep theirs; input that does not make a survey is refused with nothing written.
/// </summary>
public sealed class SurveyTemplateTests(EvaluationService service) : IClassFixture<EvaluationService>
{
    private static object Version2(string occasion = "module-completed", string kind = "choice", object[]? options = null) => new
    {
        code = "modul", occasion, title = "Ankieta po module (wersja 2)", intro = "Krótko.",
        questions = new object[]
        {
            new { id = "content-useful", kind = "scale", text = "Treści modułu przydadzą mi się w pracy.", required = true, low = "nie", high = "tak" },
            new { id = "pace", kind, text = "Tempo:", required = true, options = options ?? [new { id = "ok", text = "dobre" }, new { id = "bad", text = "złe" }] },
        },
    };

    [Fact]
    public async Task A_new_version_is_issued_from_then_on_and_earlier_surveys_keep_theirs()
    {
        var ore = service.Operator();
        var seeded = await ore.GetFromJsonAsync<JsonElement>("/api/evaluation/surveys/templates", Ct);
        Assert.Equal(["doradztwo", "konferencja", "modul"], seeded.EnumerateArray().Select(t => t.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.All(seeded.EnumerateArray(), t => Assert.InRange(t.GetProperty("questions").GetArrayLength(), 5, 8));
        var before = Assert.Single(await service.ModuleSurveysAsync(Guid.CreateVersion7(), "M1", 1));

        var added = await ore.PostAsJsonAsync("/api/evaluation/surveys/templates", Version2(), Ct);

        var view = JsonDocument.Parse(await ProblemAsync(added, HttpStatusCode.Created)).RootElement;
        Assert.Equal(2, view.GetProperty("version").GetInt32());
        var after = Assert.Single(await service.ModuleSurveysAsync(Guid.CreateVersion7(), "M1", 1));
        Assert.Equal(7, (await service.Anonymous.GetFromJsonAsync<JsonElement>($"/api/evaluation/surveys/links/{before}", Ct)).GetProperty("questions").GetArrayLength());
        var form = await service.Anonymous.GetFromJsonAsync<JsonElement>($"/api/evaluation/surveys/links/{after}", Ct);
        Assert.Equal("Ankieta po module (wersja 2)", form.GetProperty("title").GetString());
        await service.AnsweredAsync(after, new() { ["content-useful"] = "5", ["pace"] = "ok" });
        Assert.Equal(2, (await service.QueryAsync<int>("SELECT template_version FROM survey_answers")).Single());
    }

    [Fact]
    public async Task A_version_that_does_not_make_a_survey_is_refused_with_nothing_written()
    {
        var ore = service.Operator();
        var before = await service.RowCountsAsync();

        await ProblemAsync(await ore.PostAsJsonAsync("/api/evaluation/surveys/templates", Version2(kind: "essay"), Ct), HttpStatusCode.BadRequest);
        await ProblemAsync(await ore.PostAsJsonAsync("/api/evaluation/surveys/templates", Version2(options: [new { id = "ok", text = "dobre" }]), Ct),
            HttpStatusCode.BadRequest);
        await ProblemAsync(await ore.PostAsJsonAsync("/api/evaluation/surveys/templates", new { code = "X Y", occasion = "module-completed", title = "", intro = "", questions = Array.Empty<object>() }, Ct),
            HttpStatusCode.BadRequest);
        await ProblemAsync(await ore.PostAsJsonAsync("/api/evaluation/surveys/templates", Version2(occasion: "conference-attended"), Ct),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["trainer"]))
            .PostAsJsonAsync("/api/evaluation/surveys/templates", Version2(), Ct)).StatusCode);

        Assert.Equal(before, await service.RowCountsAsync());
    }
}
