using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cro.Monitoring.Features.Diagnosis;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Monitoring.Tests;

/// <summary>
/// A school director's personal link: it opens its own school's questionnaire and nothing else, without an account;
/// revoked, replaced, past its day or after the collection ended it answers 410 with a Polish explanation, and writes
/// nothing; a token that names no link is 404. A director's address given with a link goes when the person is erased.
/// </summary>
public sealed class DiagnosisLinkTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ProblemDetails> GoneAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!;
        Assert.Equal("Łącze do kwestionariusza nie jest już ważne.", problem.Title);
        return problem;
    }

    [Fact]
    public async Task A_directors_link_opens_its_own_schools_sections_saves_and_submits_there_and_reaches_no_other_school()
    {
        var (team, diagnosis) = await service.StartedAsync("1001011");
        var (a, b) = (diagnosis.Schools()[0], diagnosis.Schools()[1]);
        var link = await team.LinkAsync(a.Id);
        var director = service.Anonymous;

        var view = await director.QuestionnaireAsync(link.Path);
        var saved = await director.SaveAsync(link.Path, new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 164), ["teachers"] = new(Number: 17) });
        var teamQuestion = await director.SaveAsync(link.Path, new Dictionary<string, AnswerValue?> { ["it_management_model"] = new(Choice: "central_unit") });
        var asBearer = service.ClientWith(link.Token);
        var otherSchool = await asBearer.SaveAsync($"{Diagnoses.Api}/questionnaires/{b.Id}", new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 1) });
        var otherSchoolAnonymously = await director.GetAsync($"{Diagnoses.Api}/questionnaires/{b.Id}", Ct);

        Assert.Equal((a.Id, a.SchoolId, "1001011"), (view.Id, view.SchoolId, view.JstTerc));
        Assert.Equal(Respondent.OfSchool.Order(), view.Sections.Select(s => s.Respondent).Distinct().Order());
        Assert.Empty(view.Links);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["it_management_model"], (await teamQuestion.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, otherSchool.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherSchoolAnonymously.StatusCode);
        Assert.Equal(164m, (await team.QuestionnaireAsync($"{Diagnoses.Api}/questionnaires/{a.Id}")).Answers["pupils"].Number);
        Assert.Empty((await team.QuestionnaireAsync($"{Diagnoses.Api}/questionnaires/{b.Id}")).Answers);
        var answeredBy = await service.QueryAsync<Guid?>("SELECT DISTINCT answered_via_link FROM answers WHERE questionnaire_id = @Id", new { a.Id });
        Assert.Equal([link.Id], answeredBy);

        var sections = (await service.InstrumentAsync(1)).Sections.Where(s => Respondent.OfSchool.Contains(s.Respondent)).ToList();
        await director.SaveAsync(link.Path, Diagnoses.Complete(sections, new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 164) }));
        var submitted = await director.SubmitAsync(link.Path);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var announced = Assert.Single(await service.EventsOfAsync(nameof(SchoolQuestionnaireSubmitted), diagnosis.Id));
        Assert.True(announced.GetProperty("viaLink").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await director.SaveAsync(link.Path, new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 1) })).StatusCode);
        // The team sees the link's use, never its token.
        var seen = Assert.Single((await team.QuestionnaireAsync($"{Diagnoses.Api}/questionnaires/{a.Id}")).Links);
        Assert.Equal((link.Id, LinkState.Active), (seen.Id, seen.State));
        Assert.NotNull(seen.LastUsedAt);
        Assert.DoesNotContain(link.Token, await team.GetStringAsync($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}", Ct));
        // Only the token's hash is kept.
        Assert.Equal([SHA256.HashData(Encoding.UTF8.GetBytes(link.Token))], await service.QueryAsync<byte[]>("SELECT token_hash FROM questionnaire_links WHERE id = @Id",
            new { link.Id }));
    }

    [Fact]
    public async Task A_revoked_link_answers_410_in_Polish_and_writes_nothing()
    {
        var (team, diagnosis) = await service.StartedAsync("1001022");
        var id = diagnosis.Schools()[0].Id;
        var link = await team.LinkAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.SaveAsync(link.Path, new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 90) })).StatusCode);

        var revoked = await team.PostAsync($"{Diagnoses.Api}/questionnaires/{id}/links/{link.Id}/revoke", null, Ct);
        var contents = await service.ContentsAsync();
        var read = await service.Anonymous.GetAsync(link.Path, Ct);
        var save = await service.Anonymous.SaveAsync(link.Path, new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 91) });
        var submit = await service.Anonymous.SubmitAsync(link.Path);
        var revokedAgain = await team.PostAsync($"{Diagnoses.Api}/questionnaires/{id}/links/{link.Id}/revoke", null, Ct);
        var after = await service.ContentsAsync();
        var unknownLink = await team.PostAsync($"{Diagnoses.Api}/questionnaires/{id}/links/{Guid.NewGuid()}/revoke", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.StartsWith("Zespół JST unieważnił to łącze ", (await GoneAsync(read)).Detail, StringComparison.Ordinal);
        Assert.Contains("poproś zespół o nowe łącze", (await GoneAsync(save)).Detail, StringComparison.Ordinal);
        await GoneAsync(submit);
        Assert.Equal(HttpStatusCode.NoContent, revokedAgain.StatusCode);
        Assert.Equal(contents, after);
        Assert.Equal(HttpStatusCode.NotFound, unknownLink.StatusCode);
        var view = await team.QuestionnaireAsync($"{Diagnoses.Api}/questionnaires/{id}");
        Assert.Equal(LinkState.Revoked, Assert.Single(view.Links).State);
        Assert.Equal(90m, view.Answers["pupils"].Number);
    }

    [Fact]
    public async Task Resending_replaces_the_link_a_link_past_its_day_or_after_the_collection_answers_410_and_an_unknown_one_404()
    {
        var (team, diagnosis) = await service.StartedAsync("1001033");
        var (first, second) = (diagnosis.Schools()[0].Id, diagnosis.Schools()[1].Id);
        var original = await team.LinkAsync(first);
        var today = DateOnly.FromDateTime(Cro.ServiceDefaults.WarsawTime.InWarsaw(service.Clock.GetUtcNow()).DateTime);

        var resent = await team.LinkAsync(first);
        var dated = await team.LinkAsync(second, expiresOn: today.AddDays(1));
        var yesterday = await team.PostAsJsonAsync($"{Diagnoses.Api}/questionnaires/{second}/links", new { expiresOn = today.AddDays(-1) }, Ct);

        Assert.Equal((0, 1), (original.Replaced, resent.Replaced));
        Assert.StartsWith("To łącze zastąpiono ", (await GoneAsync(await service.Anonymous.GetAsync(original.Path, Ct))).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(resent.Path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(dated.Path, Ct)).StatusCode);
        Assert.Equal(["expiresOn"], (await yesterday.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync(PublicQuestionnaire.PathOf(SchoolLinkTokenLike()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync(PublicQuestionnaire.PathOf("krotki"), Ct)).StatusCode);

        service.Clock.Advance(TimeSpan.FromDays(2));
        var expired = await service.Anonymous.SaveAsync(dated.Path, new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 5) });
        Assert.StartsWith("Łącze było ważne do ", (await GoneAsync(expired)).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(resent.Path, Ct)).StatusCode);

        var closed = await team.PostAsync($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/close-collection", null, Ct);
        var contents = await service.ContentsAsync();
        var afterClosing = await service.Anonymous.GetAsync(resent.Path, Ct);
        var teamAfterClosing = await team.SaveAsync($"{Diagnoses.Api}/questionnaires/{first}", new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 5) });
        var newLink = await team.PostAsJsonAsync($"{Diagnoses.Api}/questionnaires/{first}/links", new { }, Ct);
        var closedAgain = await team.PostAsync($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/close-collection", null, Ct);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.NotNull((await closed.Content.ReadFromJsonAsync<DiagnosisView>(Ct))!.CollectionClosedAt);
        Assert.StartsWith("Zespół JST zakończył zbieranie danych w tej diagnozie ", (await GoneAsync(afterClosing)).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, teamAfterClosing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, newLink.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closedAgain.StatusCode);
        Assert.Equal(contents, await service.ContentsAsync());
    }

    [Fact]
    public async Task An_erased_persons_address_goes_from_the_school_links_and_the_outbox_and_the_link_keeps_working_without_reminders()
    {
        var (team, diagnosis) = await service.StartedAsync("1001044");
        var (school, other) = (diagnosis.Schools()[0].Id, diagnosis.Schools()[1].Id);
        const string Address = "Anna.Dyrektor@sp1.example.pl";
        var response = await team.PostAsJsonAsync($"{Diagnoses.Api}/questionnaires/{school}/links", new { directorEmail = Address }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = (await response.Content.ReadFromJsonAsync<SchoolLinks.IssuedLink>(Ct))!;
        await team.PostAsJsonAsync($"{Diagnoses.Api}/questionnaires/{other}/links", new { directorEmail = "sekretariat@sp2.example.pl" }, Ct);
        // The relay hands the mails to the broker; the outbox keeps them for a while.
        await Eventually.GetAsync(() => service.QueryAsync<int>("SELECT count(*)::int FROM outbox_messages WHERE published_at IS NULL"), n => n.Single() == 0,
            what: "the link mails handed to the broker");
        string Everything(string table) => $"SELECT coalesce(string_agg(t::text, ','), '') FROM {table} t";
        async Task<string> KeptAsync() => string.Join("\n", await service.QueryAsync<string>(
            $"{Everything("questionnaire_links")} UNION ALL {Everything("outbox_messages")} UNION ALL {Everything("school_reminders")}"));
        Assert.Contains(Address.ToLowerInvariant(), (await KeptAsync()).ToLowerInvariant(), StringComparison.Ordinal);

        // The address the account had, as the erasure gives it, in another case.
        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = "anna.dyrektor@SP1.example.pl" });

        var kept = await Eventually.GetAsync(KeptAsync, k => !k.Contains("anna.dyrektor", StringComparison.OrdinalIgnoreCase), what: "the address erased");
        Assert.Contains("sekretariat@sp2.example.pl", kept, StringComparison.Ordinal);
        Assert.Equal([null, "sekretariat@sp2.example.pl"], await service.QueryAsync<string?>(
            "SELECT l.director_email FROM questionnaire_links l JOIN questionnaires q ON q.id = l.questionnaire_id WHERE q.diagnosis_id = @Id ORDER BY q.school_name",
            new { diagnosis.Id }));
        // The link still opens the school's questionnaire; no reminder goes to the address any more.
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(link.Path, Ct)).StatusCode);
        var reminders = (await (await team.PostAsync($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/reminders", null, Ct))
            .Content.ReadFromJsonAsync<RemindSchools.RemindersView>(Ct))!;
        Assert.Equal([(school, ReminderOutcome.NoLinkWithEmail), (other, ReminderOutcome.Sent)], reminders.Schools.Select(r => (r.QuestionnaireId, r.Outcome)));
    }

    /// <summary>A string shaped like a link's token that no link has.</summary>
    private static string SchoolLinkTokenLike() => Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray())
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
