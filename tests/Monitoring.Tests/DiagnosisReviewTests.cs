using System.Net;
using Microsoft.Extensions.Configuration;
using Cro.Monitoring.Features.Diagnosis;
using static Cro.Monitoring.Tests.Responses;

namespace Cro.Monitoring.Tests;

/// <summary>
/// After collection: the team's findings (checked against the diagnosis's pinned instrument version) and
/// recommendations, the submission of the whole diagnosis (refused while something is missing, naming it), the review by
/// the JST's advisor (comments, a return for changes, answers, resubmission, acceptance) with its history, and reminders
/// to schools that have not submitted; each refusal writes nothing and each event is in the outbox once per action. While
/// the diagnosis is submitted or accepted no questionnaire changes, by the team or by a director's link.
/// </summary>
public sealed class DiagnosisReviewTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Diagnosis(Guid id) => $"{Diagnoses.Api}/diagnoses/{id}";

    private static string Questionnaire(Guid id) => $"{Diagnoses.Api}/questionnaires/{id}";

    private static object Finding(string title, string[]? sections = null, string[]? questions = null, string[]? figures = null, string priority = "high") =>
        new { title, text = $"{title}: opis ustalenia.", priority, sections, questions, figures };

    /// <summary>Submits the team's questionnaire and every school's but the last, which is excused.</summary>
    private async Task CollectAsync(HttpClient team, DiagnosisView diagnosis)
    {
        var instrument = await service.InstrumentAsync(diagnosis.InstrumentVersion);
        foreach (var q in diagnosis.Questionnaires)
        {
            if (q.SchoolId is not null && q == diagnosis.Questionnaires[^1])
            {
                Assert.Equal(HttpStatusCode.OK, (await team.PostAsJsonAsync($"{Questionnaire(q.Id)}/excuse", new { reason = "Szkoła w remoncie, zajęcia w innym budynku." }, Ct)).StatusCode);
                continue;
            }
            var sections = instrument.Sections.Where(s => Respondent.Of(q.SchoolId).Contains(s.Respondent)).ToList();
            Assert.Equal(HttpStatusCode.OK, (await team.SaveAsync(Questionnaire(q.Id), Diagnoses.Complete(sections))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await team.SubmitAsync(Questionnaire(q.Id))).StatusCode);
        }
    }

    /// <summary>A finding on a section, a question and a figure, and a recommendation following from it; the finding.</summary>
    private async Task<Findings.FindingView> WriteFindingsAsync(HttpClient team, Guid diagnosisId)
    {
        var instrument = await service.InstrumentAsync(1);
        var section = instrument.Sections.First(s => s.Respondent == Respondent.SchoolDirector);
        var finding = await ReadAsync<Findings.FindingView>(await team.PostAsJsonAsync($"{Diagnosis(diagnosisId)}/findings",
            Finding("Za mało komputerów dla uczniów", [section.Key], ["devices_owned", "pupils"], ["figure:pupils-per-computer"]), Ct), HttpStatusCode.Created);
        await ReadAsync<Findings.RecommendationView>(await team.PostAsJsonAsync($"{Diagnosis(diagnosisId)}/recommendations",
            new { title = "Doposażenie pracowni", text = "Zakup 40 laptopów w dwóch etapach.", findingIds = new[] { finding.Id } }, Ct), HttpStatusCode.Created);
        return finding;
    }

    [Fact]
    public async Task Findings_rest_on_sections_and_questions_of_the_pinned_instrument_and_on_figures_and_a_bad_key_is_400_writing_nothing()
    {
        var (team, diagnosis) = await service.StartedAsync("9902011");
        var finding = await WriteFindingsAsync(team, diagnosis.Id);
        var contents = await service.ContentsAsync();

        var unknown = await team.PostAsJsonAsync($"{Diagnosis(diagnosis.Id)}/findings",
            Finding("Sieć", ["network", "no_such_section"], ["pupils", "bandwidth_per_pupil_guess"], ["figure:wifi-coverage", "wskaźnik wifi"]), Ct);
        var nothing = await team.PostAsJsonAsync($"{Diagnosis(diagnosis.Id)}/findings", Finding("Bez podstaw", priority: "pilne"), Ct);
        var foreignFinding = await team.PostAsJsonAsync($"{Diagnosis(diagnosis.Id)}/recommendations",
            new { title = "Szkolenia", text = "Szkolenia dla nauczycieli.", findingIds = new[] { finding.Id, Guid.CreateVersion7() } }, Ct);
        var stillUsed = await team.DeleteAsync($"{Diagnosis(diagnosis.Id)}/findings/{finding.Id}", Ct);
        var otherJst = await service.Team("9902022").PostAsJsonAsync($"{Diagnosis(diagnosis.Id)}/findings", Finding("Cudze", questions: ["pupils"]), Ct);

        var errors = await unknown.ErrorsAsync();
        // "network" may or may not be a section of version 1: the refusal names exactly the keys the version lacks.
        var sections = (await service.InstrumentAsync(1)).Sections.Select(s => s.Key).ToHashSet();
        var expected = new List<string> { "sections[1]", "questions[1]", "figures[1]" };
        if (!sections.Contains("network"))
        {
            expected.Add("sections[0]");
        }
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Wersja 1 narzędzia nie ma pytania „bandwidth_per_pupil_guess”.", Assert.Single(errors["questions[1]"]));
        Assert.Equal(["priority", "sections"], (await nothing.ErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["findingIds[1]"], (await foreignFinding.ErrorsAsync()).Keys);
        Assert.Contains("Doposażenie pracowni", await ProblemAsync(stillUsed, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherJst.StatusCode);
        Assert.Equal(contents, await service.ContentsAsync());
        var view = await team.GetFromJsonAsync<Findings.FindingsView>($"{Diagnosis(diagnosis.Id)}/findings", Ct);
        var kept = Assert.Single(view!.Findings);
        Assert.Equal(["devices_owned", "pupils"], kept.Questions);
        Assert.Equal(["figure:pupils-per-computer"], kept.Figures);
        Assert.Equal([finding.Id], Assert.Single(view.Recommendations).FindingIds);
        // The team changes a finding while it is a draft; the advisor reads it.
        var changed = await team.PutAsJsonAsync($"{Diagnosis(diagnosis.Id)}/findings/{finding.Id}",
            Finding("Za mało komputerów", questions: ["devices_owned"], priority: "medium"), Ct);
        Assert.Equal("medium", (await ReadAsync<Findings.FindingView>(changed, HttpStatusCode.OK)).Priority);
        Assert.Empty((await service.Advisor("9902011").GetFromJsonAsync<Findings.FindingsView>($"{Diagnosis(diagnosis.Id)}/findings", Ct))!.Findings[0].Sections);
    }

    [Fact]
    public async Task A_diagnosis_is_submitted_once_every_school_is_submitted_or_excused_and_the_team_has_findings_and_a_recommendation()
    {
        var (team, diagnosis) = await service.StartedAsync("9902033", schools: 3);
        var contents = await service.ContentsAsync();

        var early = await ProblemAsync(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.Conflict);
        var excuseOwn = await team.PostAsJsonAsync($"{Questionnaire(diagnosis.Questionnaires[0].Id)}/excuse", new { reason = "Nie dotyczy" }, Ct);
        var excuseWithoutReason = await team.PostAsJsonAsync($"{Questionnaire(diagnosis.Schools()[0].Id)}/excuse", new { reason = " " }, Ct);

        Assert.Contains("Szkoła Podstawowa nr 1 (9902033), Szkoła Podstawowa nr 2 (9902033), Szkoła Podstawowa nr 3 (9902033)", early, StringComparison.Ordinal);
        Assert.Contains("przesłany kwestionariusz zespołu JST", early, StringComparison.Ordinal);
        Assert.Contains("co najmniej jedno ustalenie", early, StringComparison.Ordinal);
        Assert.Contains("co najmniej jedna rekomendacja", early, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, excuseOwn.StatusCode);
        Assert.Equal(["reason"], (await excuseWithoutReason.ErrorsAsync()).Keys);
        Assert.Equal(contents, await service.ContentsAsync());

        await CollectAsync(team, diagnosis);
        var onlyFindingMissing = await ProblemAsync(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.Conflict);
        Assert.DoesNotContain("Szkoła Podstawowa", onlyFindingMissing, StringComparison.Ordinal);
        Assert.DoesNotContain("zespołu JST", onlyFindingMissing, StringComparison.Ordinal);
        await WriteFindingsAsync(team, diagnosis.Id);

        var submitted = await ReadAsync<ReviewDiagnosis.ReviewView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.OK);
        var afterSubmission = await service.ContentsAsync();
        var again = await ProblemAsync(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.Conflict);
        var change = await team.PostAsJsonAsync($"{Diagnosis(diagnosis.Id)}/findings", Finding("Późne", questions: ["pupils"]), Ct);

        Assert.Equal((DiagnosisStatus.Submitted, 1), (submitted.Status, submitted.Round));
        Assert.Contains("przesłana do oceny", again, StringComparison.Ordinal);
        Assert.Contains("przesłana do oceny", await ProblemAsync(change, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(afterSubmission, await service.ContentsAsync());
        var view = (await team.GetFromJsonAsync<DiagnosisView>(Diagnosis(diagnosis.Id), Ct))!;
        Assert.Equal(DiagnosisStatus.Submitted, view.Status);
        Assert.Equal("Szkoła w remoncie, zajęcia w innym budynku.", view.Questionnaires[^1].ExcusedReason);
        var announced = Assert.Single(await service.EventsOfAsync(nameof(DiagnosisSubmitted), diagnosis.Id));
        Assert.Equal((1, 2, 1, 1, 1), (announced.GetProperty("round").GetInt32(), announced.GetProperty("schoolsSubmitted").GetInt32(),
            announced.GetProperty("schoolsExcused").GetInt32(), announced.GetProperty("findings").GetInt32(), announced.GetProperty("recommendations").GetInt32()));
    }

    [Fact]
    public async Task The_advisor_comments_returns_the_diagnosis_the_team_answers_and_resubmits_and_the_advisor_accepts_it_with_its_findings()
    {
        var (team, diagnosis) = await service.StartedAsync("9902044");
        await service.StartedAsync("9902055");
        await CollectAsync(team, diagnosis);
        var finding = await WriteFindingsAsync(team, diagnosis.Id);
        var review = $"{Diagnosis(diagnosis.Id)}/review";
        var advisor = service.Advisor("9902044");
        var earlyComment = await ProblemAsync(await advisor.PostAsJsonAsync($"{review}/comments", new { text = "Za wcześnie" }, Ct), HttpStatusCode.Conflict);
        Assert.Contains("w przygotowaniu", earlyComment, StringComparison.Ordinal);
        await ReadAsync<ReviewDiagnosis.ReviewView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.OK);
        var contents = await service.ContentsAsync();

        var otherAdvisor = await service.Advisor("9902055").PostAsJsonAsync($"{review}/comments", new { text = "Cudza" }, Ct);
        var otherAdvisorAccepts = await service.Advisor("9902055").PostAsync($"{review}/accept", null, Ct);
        var trainer = await service.Trainer().PostAsync($"{review}/accept", null, Ct);
        var teamAccepts = await team.PostAsync($"{review}/accept", null, Ct);
        var noReason = await advisor.PostAsJsonAsync($"{review}/request-changes", new { reason = "" }, Ct);
        var foreignFinding = await advisor.PostAsJsonAsync($"{review}/comments", new { findingId = Guid.CreateVersion7(), text = "Do czego?" }, Ct);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (otherAdvisor.StatusCode, otherAdvisorAccepts.StatusCode, trainer.StatusCode, teamAccepts.StatusCode));
        Assert.Equal(["reason"], (await noReason.ErrorsAsync()).Keys);
        Assert.Equal(["findingId"], (await foreignFinding.ErrorsAsync()).Keys);
        Assert.Equal(contents, await service.ContentsAsync());

        var onFinding = await ReadAsync<ReviewDiagnosis.CommentView>(await advisor.PostAsJsonAsync($"{review}/comments",
            new { findingId = finding.Id, text = "Podajcie wiek sprzętu, nie tylko liczbę." }, Ct), HttpStatusCode.Created);
        var general = await ReadAsync<ReviewDiagnosis.CommentView>(await advisor.PostAsJsonAsync($"{review}/comments",
            new { text = "Brakuje ustaleń o wykluczeniu cyfrowym." }, Ct), HttpStatusCode.Created);
        var returned = await ReadAsync<ReviewDiagnosis.ReviewView>(await advisor.PostAsJsonAsync($"{review}/request-changes",
            new { reason = "Uzupełnijcie ustalenia według uwag." }, Ct), HttpStatusCode.OK);
        var acceptReturned = await ProblemAsync(await advisor.PostAsync($"{review}/accept", null, Ct), HttpStatusCode.Conflict);
        var unanswered = await ProblemAsync(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.Conflict);
        await ReadAsync<ReviewDiagnosis.CommentView>(await team.PostAsJsonAsync($"{review}/comments/{onFinding.Id}/address",
            new { response = "Dodaliśmy wiek sprzętu do ustalenia." }, Ct), HttpStatusCode.OK);
        var twice = await team.PostAsJsonAsync($"{review}/comments/{onFinding.Id}/address", new { response = "Jeszcze raz." }, Ct);
        await team.PostAsJsonAsync($"{Diagnosis(diagnosis.Id)}/findings",
            Finding("Uczniowie bez urządzeń w domu", questions: ["pupils"], figures: ["figure:pupils-without-device"]), Ct);
        await ReadAsync<ReviewDiagnosis.CommentView>(await team.PostAsJsonAsync($"{review}/comments/{general.Id}/address",
            new { response = "Dodaliśmy ustalenie o uczniach bez urządzeń." }, Ct), HttpStatusCode.OK);
        var resubmitted = await ReadAsync<ReviewDiagnosis.ReviewView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.OK);
        var accepted = await ReadAsync<ReviewDiagnosis.ReviewView>(await service.Operator().PostAsync($"{review}/accept", null, Ct), HttpStatusCode.OK);
        var acceptedAgain = await ProblemAsync(await advisor.PostAsync($"{review}/accept", null, Ct), HttpStatusCode.Conflict);

        Assert.Equal((DiagnosisStatus.Returned, 1), (returned.Status, returned.Round));
        Assert.Contains("zwrócona do poprawy", acceptReturned, StringComparison.Ordinal);
        Assert.Contains("bez odpowiedzi: 2", unanswered, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal((DiagnosisStatus.Submitted, 2), (resubmitted.Status, resubmitted.Round));
        Assert.Equal(DiagnosisStatus.Accepted, accepted.Status);
        Assert.Contains("zaakceptowana", acceptedAgain, StringComparison.Ordinal);
        Assert.All(accepted.Comments, c => Assert.NotNull(c.Response));
        Assert.Equal(
            [ReviewAction.Submitted, ReviewAction.Commented, ReviewAction.Commented, ReviewAction.ChangesRequested, ReviewAction.CommentAddressed,
                ReviewAction.CommentAddressed, ReviewAction.Submitted, ReviewAction.Accepted],
            accepted.History.Select(h => h.Action));
        Assert.Equal("Uzupełnijcie ustalenia według uwag.", accepted.History[3].Text);
        // The team reads the history as the advisor does.
        Assert.Equal(accepted.History.Count, (await team.GetFromJsonAsync<ReviewDiagnosis.ReviewView>(review, Ct))!.History.Count);
        Assert.Equal([1, 2], (await service.EventsOfAsync(nameof(DiagnosisSubmitted), diagnosis.Id)).Select(e => e.GetProperty("round").GetInt32()));
        var acceptedEvent = Assert.Single(await service.EventsOfAsync(nameof(DiagnosisAccepted), diagnosis.Id));
        var findings = acceptedEvent.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["Za mało komputerów dla uczniów", "Uczniowie bez urządzeń w domu"], findings.Select(f => f.GetProperty("title").GetString()));
        Assert.Equal(["figure:pupils-without-device"], findings[1].GetProperty("figureKeys").EnumerateArray().Select(k => k.GetString()));
        var recommendation = Assert.Single(acceptedEvent.GetProperty("recommendations").EnumerateArray());
        Assert.Equal([finding.Id], recommendation.GetProperty("findingIds").EnumerateArray().Select(f => f.GetGuid()));
    }

    [Fact]
    public async Task Reminders_go_to_schools_not_submitted_with_a_mailed_link_once_a_day_and_the_token_is_stored_nowhere()
    {
        var (team, diagnosis) = await service.StartedAsync("9902066", schools: 3);
        var schools = diagnosis.Schools();
        var mailed = await team.LinkAsync(schools[0].Id);
        var badAddress = await team.PostAsJsonAsync($"{Questionnaire(schools[1].Id)}/links", new { directorEmail = "dyrektor(at)szkola.pl" }, Ct);
        var issued = await ReadAsync<SchoolLinks.IssuedLink>(await team.PostAsJsonAsync($"{Questionnaire(schools[0].Id)}/links",
            new { directorEmail = "dyrektor.sp1@szkola.example.pl" }, Ct), HttpStatusCode.Created);
        var submittedSchool = await ReadAsync<SchoolLinks.IssuedLink>(await team.PostAsJsonAsync($"{Questionnaire(schools[2].Id)}/links",
            new { directorEmail = "dyrektor.sp3@szkola.example.pl" }, Ct), HttpStatusCode.Created);
        var instrument = await service.InstrumentAsync(1);
        var schoolSections = instrument.Sections.Where(s => Respondent.OfSchool.Contains(s.Respondent)).ToList();
        await service.Anonymous.SaveAsync(submittedSchool.Path, Diagnoses.Complete(schoolSections));
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.SubmitAsync(submittedSchool.Path)).StatusCode);

        var first = await ReadAsync<RemindSchools.RemindersView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/reminders", null, Ct), HttpStatusCode.OK);
        var sameDay = await ReadAsync<RemindSchools.RemindersView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/reminders", null, Ct), HttpStatusCode.OK);
        var byAdvisor = await service.Advisor("9902066").PostAsync($"{Diagnosis(diagnosis.Id)}/reminders", null, Ct);
        var byOtherTeam = await service.Team("9902077").PostAsync($"{Diagnosis(diagnosis.Id)}/reminders", null, Ct);
        service.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await ReadAsync<RemindSchools.RemindersView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/reminders", null, Ct), HttpStatusCode.OK);

        Assert.NotEqual(mailed.Token, issued.Token);
        Assert.Equal(["directorEmail"], (await badAddress.ErrorsAsync()).Keys);
        Assert.Equal([(schools[0].Id, ReminderOutcome.Sent), (schools[1].Id, ReminderOutcome.NoLinkWithEmail)],
            first.Schools.Select(s => (s.QuestionnaireId, s.Outcome)));
        Assert.Equal([ReminderOutcome.AlreadyRemindedToday, ReminderOutcome.NoLinkWithEmail], sameDay.Schools.Select(s => s.Outcome));
        Assert.Equal((1, 0, 1), (first.Sent, sameDay.Sent, nextDay.Sent));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (byAdvisor.StatusCode, byOtherTeam.StatusCode));
        Assert.Equal(2, (await service.QueryAsync<int>("SELECT count(*)::int FROM school_reminders WHERE questionnaire_id = @id", new { id = schools[0].Id })).Single());
        var mails = await service.EventsOfAsync(nameof(SchoolLinkMailRequested), diagnosis.Id);
        Assert.Equal([(SchoolLinkMailOccasions.Issued, "dyrektor.sp1@szkola.example.pl"), (SchoolLinkMailOccasions.Issued, "dyrektor.sp3@szkola.example.pl"),
                (SchoolLinkMailOccasions.Reminder, "dyrektor.sp1@szkola.example.pl"), (SchoolLinkMailOccasions.Reminder, "dyrektor.sp1@szkola.example.pl")],
            mails.Select(m => (m.GetProperty("occasion").GetString(), m.GetProperty("directorEmail").GetString())));
        Assert.All(mails.Where(m => m.GetProperty("directorEmail").GetString()!.Contains("sp1", StringComparison.Ordinal)),
            m => Assert.Equal(issued.Id, m.GetProperty("linkId").GetGuid()));
        Assert.EndsWith("/diagnoza/ankieta/", mails[0].GetProperty("formUrl").GetString(), StringComparison.Ordinal);
        // The token the mail will carry is the one the team was given, derived from the link; nothing the service keeps holds it.
        Assert.Equal(issued.Token, new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = MonitoringService.SchoolLinkSecret }).Build()).Derive(issued.Id));
        var everything = string.Join("\n", await service.QueryAsync<string>("""
            SELECT string_agg(t::text, ',') FROM outbox_messages t UNION ALL SELECT string_agg(t::text, ',') FROM questionnaire_links t
            UNION ALL SELECT string_agg(t::text, ',') FROM school_reminders t
            """));
        Assert.DoesNotContain(issued.Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(submittedSchool.Token, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_questionnaire_changes_while_the_diagnosis_is_submitted_or_accepted_and_the_team_reopens_one_again_after_a_return()
    {
        var (team, diagnosis) = await service.StartedAsync("9902088");
        var (submittedSchool, excusedSchool) = (Questionnaire(diagnosis.Schools()[0].Id), Questionnaire(diagnosis.Schools()[^1].Id));
        var link = await team.LinkAsync(diagnosis.Schools()[^1].Id);
        await CollectAsync(team, diagnosis);
        await WriteFindingsAsync(team, diagnosis.Id);
        await ReadAsync<ReviewDiagnosis.ReviewView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.OK);
        var pupils = new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 99) };

        // Every way a questionnaire changes, by the team and by the excused school's director, who still holds a working link.
        async Task<List<HttpResponseMessage>> ChangeAllAsync() =>
        [
            await team.PostAsJsonAsync($"{submittedSchool}/reopen", new { reason = "Dyrektor poprawia liczbę uczniów." }, Ct),
            await team.SaveAsync(excusedSchool, pupils),
            await team.PutAsJsonAsync($"{excusedSchool}/answers/pupils", new AnswerValue(Number: 98), Ct),
            await team.SubmitAsync(excusedSchool),
            await service.Anonymous.SaveAsync(link.Path, pupils),
            await service.Anonymous.PutAsJsonAsync($"{link.Path}/answers/pupils", new AnswerValue(Number: 98), Ct),
            await service.Anonymous.SubmitAsync(link.Path),
        ];

        var contents = await service.ContentsAsync();
        var whileSubmitted = await ChangeAllAsync();
        Assert.Equal(contents, await service.ContentsAsync());
        foreach (var refused in whileSubmitted)
        {
            var problem = (await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct))!;
            Assert.Equal((HttpStatusCode.Conflict, "Diagnoza jest przesłana do oceny."), (refused.StatusCode, problem.Title));
            Assert.StartsWith("Diagnoza jest przesłana do oceny; kwestionariusze wypełnia się, przesyła i otwiera ponownie", problem.Detail, StringComparison.Ordinal);
        }
        // The director still reads the school's questionnaire.
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(link.Path, Ct)).StatusCode);

        // Returned for changes, the team reopens a school's questionnaire again, and the director answers again.
        var review = $"{Diagnosis(diagnosis.Id)}/review";
        var advisor = service.Advisor("9902088");
        await ReadAsync<ReviewDiagnosis.ReviewView>(await advisor.PostAsJsonAsync($"{review}/request-changes",
            new { reason = "Sprawdźcie liczbę uczniów w szkole nr 1." }, Ct), HttpStatusCode.OK);
        await ReadAsync<QuestionnaireState>(await team.PostAsJsonAsync($"{submittedSchool}/reopen", new { reason = "Liczba uczniów według SIO." }, Ct),
            HttpStatusCode.OK);
        await ReadAsync<QuestionnaireState>(await team.SaveAsync(submittedSchool, pupils), HttpStatusCode.OK);
        await ReadAsync<QuestionnaireState>(await team.SubmitAsync(submittedSchool), HttpStatusCode.OK);
        await ReadAsync<QuestionnaireState>(await service.Anonymous.SaveAsync(link.Path, pupils), HttpStatusCode.OK);
        await ReadAsync<ReviewDiagnosis.ReviewView>(await team.PostAsync($"{Diagnosis(diagnosis.Id)}/submit", null, Ct), HttpStatusCode.OK);
        await ReadAsync<ReviewDiagnosis.ReviewView>(await advisor.PostAsync($"{review}/accept", null, Ct), HttpStatusCode.OK);

        contents = await service.ContentsAsync();
        var whileAccepted = await ChangeAllAsync();
        Assert.Equal(contents, await service.ContentsAsync());
        foreach (var refused in whileAccepted)
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("Diagnoza jest zaakceptowana", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var view = await team.QuestionnaireAsync(submittedSchool);
        Assert.Equal((QuestionnaireStatus.Submitted, 99m), (view.Status, view.Answers["pupils"].Number));
        Assert.Equal(["Liczba uczniów według SIO."], view.Reopenings.Select(r => r.Reason));
    }
}
