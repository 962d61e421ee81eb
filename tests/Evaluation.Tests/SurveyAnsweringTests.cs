using System.Text.Json;
using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>
/// Answering without an account through the mailed link, or among one's own surveys when signed in: once (409 after), only
/// answers that fit the template's version (400 naming the question), never another person's survey (404); nothing is
/// written on a refusal, and what is stored names no one.
/// </summary>
public sealed class SurveyAnsweringTests(EvaluationService service) : IClassFixture<EvaluationService>
{
    [Fact]
    public async Task A_survey_is_answered_once_through_its_link_and_the_answer_names_no_one()
    {
        var cohortId = Guid.CreateVersion7();
        var token = Assert.Single(await service.ModuleSurveysAsync(cohortId, "M3", 1));

        await service.AnsweredAsync(token, ModuleAnswers(rating: 2, best: "  Ćwiczenia na danych  "));

        var stored = Assert.Single(await service.QueryAsync<(string, string, Guid?, string)>(
            "SELECT template_code, module_code, cohort_id, answers::text FROM survey_answers WHERE cohort_id = @cohortId", new { cohortId }));
        Assert.Equal(("modul", "M3", (Guid?)cohortId), (stored.Item1, stored.Item2, stored.Item3));
        var answers = JsonDocument.Parse(stored.Item4).RootElement;
        Assert.Equal(2, answers.GetProperty("content-useful").GetInt32());
        Assert.Equal("right", answers.GetProperty("pace").GetString());
        Assert.Equal("Ćwiczenia na danych", answers.GetProperty("best").GetString());
        Assert.False(answers.TryGetProperty("improve", out _));
        var before = await service.RowCountsAsync();

        var again = await service.AnswerAsync(token, ModuleAnswers());
        var read = await service.Anonymous.GetAsync($"/api/evaluation/surveys/links/{token}", Ct);

        Assert.Contains("Ankieta została już wypełniona", await ProblemAsync(again, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ProblemAsync(read, HttpStatusCode.Conflict);
        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task Two_answers_at_once_store_one()
    {
        var token = Assert.Single(await service.ModuleSurveysAsync(Guid.CreateVersion7(), "M4", 1));
        var before = (await service.QueryAsync<long>("SELECT count(*) FROM survey_answers")).Single();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.AnswerAsync(token, ModuleAnswers())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(before + 1, (await service.QueryAsync<long>("SELECT count(*) FROM survey_answers")).Single());
    }

    public static TheoryData<string, string?, string> BadAnswers => new()
    {
        { "content-useful", "6", "wybierz ocenę od 1 do 5" },
        { "content-useful", "trzy", "wybierz ocenę od 1 do 5" },
        { "trainer-clear", null, "Odpowiedz na pytanie „Trener przekazywał wiedzę jasno i zrozumiale.”" },
        { "pace", "bardzo-szybkie", "wybierz jedną z podanych odpowiedzi" },
        { "best", new string('a', 2001), "najwyżej 2000 znaków" },
        { "favourite-colour", "zielony", "Ankieta nie ma takiego pytania." },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Answers_that_do_not_fit_the_template_are_refused_naming_the_question_and_nothing_is_written(string question, string? value, string message)
    {
        var token = Assert.Single(await service.ModuleSurveysAsync(Guid.CreateVersion7(), "M5", 1));
        var answers = ModuleAnswers();
        answers[question] = value;
        var before = await service.RowCountsAsync();

        var response = await service.AnswerAsync(token, answers);

        var problem = JsonDocument.Parse(await ProblemAsync(response, HttpStatusCode.BadRequest)).RootElement;
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(question)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await service.RowCountsAsync());
        await service.AnsweredAsync(token, ModuleAnswers());
    }

    [Fact]
    public async Task An_unknown_link_is_404_and_no_body_is_400_with_nothing_written()
    {
        var before = await service.RowCountsAsync();

        await ProblemAsync(await service.Anonymous.GetAsync("/api/evaluation/surveys/links/nie-ma-takiego-linku-0123456789abcdef", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await service.AnswerAsync("x", ModuleAnswers()), HttpStatusCode.NotFound);
        await ProblemAsync(await service.AnswerAsync(TokenOf(Guid.CreateVersion7()), ModuleAnswers()), HttpStatusCode.NotFound);
        await ProblemAsync(await service.Anonymous.PostAsJsonAsync($"/api/evaluation/surveys/links/{TokenOf(Guid.CreateVersion7())}/answers", new { }, Ct),
            HttpStatusCode.BadRequest);

        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task A_signed_in_team_member_answers_their_own_survey_but_never_finds_another_persons()
    {
        var me = await service.EnrolAsync();
        var other = await service.EnrolAsync();
        await service.PublishTwiceAsync(Completed(me, Guid.CreateVersion7(), "M1"));
        await service.PublishTwiceAsync(Completed(other, Guid.CreateVersion7(), "M1"));
        var mine = Assert.Single(await service.InvitationsOfAsync(me.Email));
        var theirs = Assert.Single(await service.InvitationsOfAsync(other.Email));
        var client = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: me.Terc, email: me.Email.ToUpperInvariant(), name: me.FullName));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/evaluation/surveys/mine", Ct);
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(mine, item.GetProperty("id").GetGuid());
        Assert.True(item.GetProperty("open").GetBoolean());
        var before = await service.RowCountsAsync();
        await ProblemAsync(await client.GetAsync($"/api/evaluation/surveys/mine/{theirs}", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PostAsJsonAsync($"/api/evaluation/surveys/mine/{theirs}/answers", new { answers = ModuleAnswers() }, Ct), HttpStatusCode.NotFound);
        Assert.Equal(before, await service.RowCountsAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/evaluation/surveys/mine/{mine}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/evaluation/surveys/mine/{mine}/answers", new { answers = ModuleAnswers() }, Ct)).StatusCode);
        await ProblemAsync(await service.AnswerAsync(TokenOf(mine), ModuleAnswers()), HttpStatusCode.Conflict);
        var after = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/evaluation/surveys/mine", Ct)).EnumerateArray());
        Assert.True(after.GetProperty("answered").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Operator().GetAsync("/api/evaluation/surveys/mine", Ct)).StatusCode);
    }
}
