using Cro.Training.Features.Validation;

namespace Cro.Training.Tests;

public sealed class QuestionBankTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operators_write_a_modules_bank_and_trainers_read_it_with_the_right_answers()
    {
        var trainer = service.Trainer(Cohorts.Trainer().Email);
        var single = await service.Operator().PostAsJsonAsync("/api/training/modules/M3/questions", Lms.Question("M3.W1"), Ct);
        var multiple = await service.Operator().PostAsJsonAsync("/api/training/modules/M3/questions",
            Lms.Question("M3.U1", QuestionKind.Multiple, 4, 1, 3), Ct);
        var written = (await multiple.Content.ReadFromJsonAsync<QuestionView>(Ct))!;
        var changed = await service.Operator().PutAsJsonAsync($"/api/training/questions/{written.Id}",
            Lms.Question("M3.U2", QuestionKind.Multiple, 3, 0, 2) with { Text = "Co pozwala tworzyć treści cyfrowe?" }, Ct);
        var limits = await service.Operator().PutAsJsonAsync("/api/training/modules/M3/tests/settings", new QuestionBank.SettingsRequest(15, 20), Ct);
        var bank = await trainer.GetFromJsonAsync<QuestionBankView>("/api/training/modules/M3/questions", Ct);
        var byTrainer = await trainer.PostAsJsonAsync("/api/training/modules/M3/questions", Lms.Question("M3.W1"), Ct);
        var byParticipant = await service.Member($"{Guid.NewGuid():N}@gmina.example.pl", Teams.Boleslawiec).GetAsync("/api/training/modules/M3/questions", Ct);

        Assert.Equal(HttpStatusCode.Created, single.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
        Assert.Equal((15, 20), (bank!.PreTestMinutes!.Value, bank.PostTestMinutes!.Value));
        Assert.Equal(2, bank.Questions.Count);
        var edited = bank.Questions.Single(q => q.Id == written.Id);
        Assert.Equal(("M3.U2", "Co pozwala tworzyć treści cyfrowe?", 3), (edited.OutcomeCode, edited.Text, edited.Options.Count));
        Assert.Equal([true, false, true], edited.Options.Select(o => o.IsCorrect));
        Assert.Equal(HttpStatusCode.Forbidden, byTrainer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byParticipant.StatusCode);

        var deleted = await service.Operator().DeleteAsync($"/api/training/questions/{written.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Single((await Lms.ReadBankAsync(service, "M3")).Questions);
    }

    public static TheoryData<string, string> BadQuestions => new()
    {
        { "one option", """{"outcomeCode":"M4.W1","kind":"single","text":"Pytanie?","explanation":"Bo tak.","options":[{"text":"A","isCorrect":true}]}""" },
        { "none right", """{"outcomeCode":"M4.W1","kind":"multiple","text":"Pytanie?","explanation":"Bo tak.","options":[{"text":"A","isCorrect":false},{"text":"B","isCorrect":false}]}""" },
        { "single with two right", """{"outcomeCode":"M4.W1","kind":"single","text":"Pytanie?","explanation":"Bo tak.","options":[{"text":"A","isCorrect":true},{"text":"B","isCorrect":true}]}""" },
        { "no options", """{"outcomeCode":"M4.W1","kind":"single","text":"Pytanie?","explanation":"Bo tak.","options":null}""" },
        { "a null option", """{"outcomeCode":"M4.W1","kind":"single","text":"Pytanie?","explanation":"Bo tak.","options":[null,{"text":"B","isCorrect":true}]}""" },
        { "no explanation", """{"outcomeCode":"M4.W1","kind":"single","text":"Pytanie?","explanation":"","options":[{"text":"A","isCorrect":true},{"text":"B","isCorrect":false}]}""" },
        { "unknown kind", """{"outcomeCode":"M4.W1","kind":"open","text":"Pytanie?","explanation":"Bo tak.","options":[{"text":"A","isCorrect":true},{"text":"B","isCorrect":false}]}""" },
        { "empty option", """{"outcomeCode":"M4.W1","kind":"single","text":"Pytanie?","explanation":"Bo tak.","options":[{"text":"","isCorrect":true},{"text":"B","isCorrect":false}]}""" },
    };

    [Theory]
    [MemberData(nameof(BadQuestions))]
    public async Task A_malformed_question_is_400_with_what_is_wrong_and_nothing_is_stored(string what, string body)
    {
        var response = await service.Operator().PostAsync("/api/training/modules/M4/questions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM questions WHERE module_code = 'M4'"));
    }

    [Fact]
    public async Task A_question_for_an_outcome_the_module_lacks_is_422_and_for_a_module_the_programme_lacks_404()
    {
        var outcome = await service.Operator().PostAsJsonAsync("/api/training/modules/M5/questions", Lms.Question("M1.W1"), Ct);
        var module = await service.Operator().PostAsJsonAsync("/api/training/modules/M9/questions", Lms.Question("M9.W1"), Ct);
        var unknown = await service.Operator().PutAsJsonAsync($"/api/training/questions/{Guid.NewGuid()}", Lms.Question("M5.W1"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, outcome.StatusCode);
        Assert.Contains("M5.K1", await outcome.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, module.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM questions WHERE module_code IN ('M5', 'M9')"));
    }
}
