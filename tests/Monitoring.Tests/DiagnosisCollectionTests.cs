using System.Net;
using Cro.Monitoring.Features.Diagnosis;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Collecting a diagnosis: the team opens it for its JST (one questionnaire per active school and one of its own),
/// answers save as given and are checked per question, a submission checks completeness and consistency, the team
/// reopens a submitted questionnaire with a reason; every refusal writes nothing, and each event is published once. The
/// register changing during collection changes what is collected: a school added or reopened gets its questionnaire, one
/// closed is excused.
/// </summary>
public sealed class DiagnosisCollectionTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string PathOf(Guid questionnaireId) => $"{Diagnoses.Api}/questionnaires/{questionnaireId}";

    private async Task<IReadOnlyList<SectionDefinition>> SchoolSectionsAsync() =>
        [.. (await service.InstrumentAsync(1)).Sections.Where(s => Respondent.OfSchool.Contains(s.Respondent))];

    /// <summary>A device row: type, age, how many owned and in use.</summary>
    private static AnswerValue Devices(params (string Key, string Type, int Owned, int InUse)[] rows) => new(Rows:
    [
        .. rows.Select(r => new AnswerRow(r.Key, new Dictionary<string, AnswerValue>
        {
            ["device_type"] = new(Choice: r.Type), ["device_age"] = new(Choice: "over_5"),
            ["devices_owned"] = new(Number: r.Owned), ["devices_in_use"] = new(Number: r.InUse),
        })),
    ]);

    [Fact]
    public async Task The_team_opens_a_baseline_with_one_questionnaire_per_active_school_and_one_of_its_own_announced_once()
    {
        var schools = await service.AddSchoolsAsync("9901011", active: 3, closed: 1);
        var team = service.Team("9901011", "jst-member");

        var started = await team.PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = "baseline" }, Ct);
        var again = await team.PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = "baseline" }, Ct);
        var later = await team.PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = "after-36-months" }, Ct);
        var unknownKind = await team.PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = "po-roku" }, Ct);
        var withoutBaseline = await service.Team("9901022").PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = "after-12-months" }, Ct);
        var withoutSchools = await service.Team("9901022").PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = "baseline" }, Ct);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var diagnosis = (await started.Content.ReadFromJsonAsync<DiagnosisView>(Ct))!;
        Assert.Equal(("9901011", DiagnosisKind.Baseline, 1), (diagnosis.JstTerc, diagnosis.Kind, diagnosis.InstrumentVersion));
        Assert.Equal(schools.Order(), diagnosis.Schools().Select(q => q.SchoolId!.Value).Order());
        var own = Assert.Single(diagnosis.Questionnaires, q => q.SchoolId is null);
        Assert.All(diagnosis.Questionnaires, q => Assert.Equal((QuestionnaireStatus.Open, 0), (q.Status, q.Progress.AnsweredRequired)));
        Assert.All(diagnosis.Questionnaires, q => Assert.True(q.Progress.RequiredQuestions > 0));
        Assert.True(diagnosis.Schools()[0].Progress.RequiredQuestions > own.Progress.RequiredQuestions);
        Assert.Equal(new DiagnosisCompletion(3, 0, 3, 0), diagnosis.Completion);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutBaseline.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutSchools.StatusCode);
        var announced = Assert.Single(await service.EventsOfAsync(nameof(DiagnosisStarted), diagnosis.Id));
        Assert.Equal(("9901011", "baseline", 3, 1), (announced.GetProperty("jstTerc").GetString(), announced.GetProperty("kind").GetString(),
            announced.GetProperty("schools").GetInt32(), announced.GetProperty("instrumentVersion").GetInt32()));
        var listed = (await team.GetFromJsonAsync<ListDiagnoses.Page>($"{Diagnoses.Api}/diagnoses", Ct))!;
        Assert.Equal([DiagnosisKind.After36Months, DiagnosisKind.Baseline], listed.Items.Select(d => d.Kind));
    }

    [Fact]
    public async Task Answers_save_as_given_and_one_out_of_range_or_of_the_wrong_kind_is_400_naming_the_question_and_writes_nothing()
    {
        var (team, diagnosis) = await service.StartedAsync("9901033");
        var school = PathOf(diagnosis.Schools()[0].Id);
        var saved = await team.SaveAsync(school, new Dictionary<string, AnswerValue?>
        {
            ["pupils"] = new(Number: 420), ["teachers"] = new(Number: 35), ["devices"] = Devices(("r1", "laptop", 20, 18)),
            ["school_it_staff_fte"] = new(Number: 0.25m), ["bandwidth_download"] = new(DontKnow: true),
        });
        var contents = await service.ContentsAsync();

        var refused = await team.SaveAsync(school, new Dictionary<string, AnswerValue?>
        {
            ["pupils"] = new(Number: 20000),
            ["teachers"] = new(Number: 3.5m),
            ["lessons_with_ict"] = new(Choice: "wszystkie"),
            ["ict_uses"] = new(Choices: ["none", "presentation"]),
            ["director_digital_leadership"] = new(Scale: 6),
            ["classrooms"] = new(Text: "dwadzieścia"),
            ["pupils_with_disabilities"] = new(DontKnow: true),
            ["devices"] = new(Rows: [new AnswerRow("r1", new Dictionary<string, AnswerValue> { ["colour"] = new(Text: "szary") })]),
            ["it_management_model"] = new(Choice: "central_unit"),
            ["no_such_question"] = new(Number: 1),
        });
        var errors = await refused.ErrorsAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var state = (await saved.Content.ReadFromJsonAsync<QuestionnaireState>(Ct))!;
        // Pupils, teachers and devices: the IT staff's time and the bandwidth are asked only after answers not given yet.
        Assert.Equal(3, state.Progress.AnsweredRequired);
        Assert.Equal(
            ["classrooms", "devices[r1].colour", "director_digital_leadership", "ict_uses", "it_management_model", "lessons_with_ict", "no_such_question",
                "pupils", "pupils_with_disabilities", "teachers"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("„Liczba uczniów (wychowanków)”: podaj liczbę całkowitą od 0 do 10000 uczniów.", Assert.Single(errors["pupils"]));
        Assert.Contains("całkowitą", errors["teachers"][0], StringComparison.Ordinal);
        Assert.Contains("below_10", errors["lessons_with_ict"][0], StringComparison.Ordinal);
        Assert.Contains("„Nie wykorzystują”", errors["ict_uses"][0], StringComparison.Ordinal);
        Assert.Contains("nie wiem", errors["director_digital_leadership"][0], StringComparison.Ordinal);
        Assert.Contains("„nie wiem”", errors["pupils_with_disabilities"][0], StringComparison.Ordinal);
        Assert.Equal(contents, await service.ContentsAsync());
        var view = await team.QuestionnaireAsync(school);
        Assert.Equal((420m, 0.25m, true), (view.Answers["pupils"].Number, view.Answers["school_it_staff_fte"].Number, view.Answers["bandwidth_download"].DontKnow));
        Assert.Equal(("r1", 18m), (view.Answers["devices"].Rows![0].Key, view.Answers["devices"].Rows![0].Answers["devices_in_use"].Number));
        // English on request.
        using var english = new HttpRequestMessage(HttpMethod.Put, $"{school}/answers/pupils") { Content = JsonContent.Create(new AnswerValue(Number: -1)) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal("„Liczba uczniów (wychowanków)”: give a whole number from 0 to 10000 uczniów.", (await (await team.SendAsync(english, Ct)).ErrorsAsync())["pupils"][0]);
    }

    [Fact]
    public async Task An_answer_given_again_changes_nothing_and_an_empty_one_clears_the_question()
    {
        var (team, diagnosis) = await service.StartedAsync("9901044");
        var school = PathOf(diagnosis.Schools()[0].Id);
        var answers = new Dictionary<string, AnswerValue?>
        {
            ["pupils"] = new(Number: 200), ["ict_uses"] = new(Choices: ["assessment", "presentation"]),
            ["devices"] = Devices(("r1", "tablet", 30, 28), ("r2", "desktop", 12, 12)),
        };
        await team.SaveAsync(school, answers);
        var contents = await service.ContentsAsync();

        var again = await service.Team("9901044", "jst-member").SaveAsync(school, answers);
        var unchanged = await service.ContentsAsync();
        var cleared = await team.PutAsJsonAsync($"{school}/answers/pupils", new AnswerValue(), Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(contents, unchanged);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var view = await team.QuestionnaireAsync(school);
        Assert.False(view.Answers.ContainsKey("pupils"));
        Assert.Equal(["assessment", "presentation"], view.Answers["ict_uses"].Choices);
        Assert.Equal(["r1", "r2"], view.Answers["devices"].Rows!.Select(r => r.Key));
        Assert.Equal(2, view.Progress.AnsweredRequired);
    }

    [Fact]
    public async Task Broken_consistency_rules_and_missing_answers_stop_a_submission_naming_both_questions_and_nothing_is_written()
    {
        var (team, diagnosis) = await service.StartedAsync("9901055");
        var id = diagnosis.Schools()[0].Id;
        var answers = Diagnoses.Complete(await SchoolSectionsAsync(), new Dictionary<string, AnswerValue?>
        {
            ["classrooms"] = new(Number: 10), ["wifi_available"] = new(Choice: "yes"), ["classrooms_with_wifi"] = new(Number: 12),
            ["devices"] = Devices(("r1", "laptop", 20, 18), ("lab-2", "desktop", 20, 30)),
        });
        answers.Remove("pupils");
        Assert.Equal(HttpStatusCode.OK, (await team.SaveAsync(PathOf(id), answers)).StatusCode);
        var contents = await service.ContentsAsync();

        var refused = await team.SubmitAsync(PathOf(id));

        var errors = await refused.ErrorsAsync();
        Assert.Equal(["classrooms", "classrooms_with_wifi", "devices[lab-2].devices_in_use", "devices[lab-2].devices_owned", "pupils"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("„Liczba uczniów (wychowanków)”: odpowiedź jest wymagana.", errors["pupils"][0]);
        var devices = errors["devices[lab-2].devices_in_use"][0];
        Assert.Equal(devices, errors["devices[lab-2].devices_owned"][0]);
        Assert.Equal("Odpowiedź na „W tym sprawnych i używanych” („Urządzenia według typu i wieku”) (30) nie może być większa niż odpowiedź na " +
            "„Liczba posiadanych urządzeń” („Urządzenia według typu i wieku”) (20) (wiersz lab-2). Sprawnych i używanych urządzeń nie może być więcej niż posiadanych.",
            devices);
        Assert.Contains("„Liczba sal lekcyjnych, w tym pracowni” (10)", errors["classrooms_with_wifi"][0], StringComparison.Ordinal);
        Assert.Equal(contents, await service.ContentsAsync());
        var view = await team.QuestionnaireAsync(PathOf(id));
        Assert.Equal(QuestionnaireStatus.Open, view.Status);
        // The questionnaire shows what would stop its submission before anyone submits.
        Assert.Equal(errors.Keys.Order(StringComparer.Ordinal), view.Outstanding.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await service.EventsOfAsync(nameof(SchoolQuestionnaireSubmitted), diagnosis.Id));
    }

    [Fact]
    public async Task A_complete_consistent_questionnaire_is_submitted_once_announced_once_and_its_answers_no_longer_change()
    {
        var (team, diagnosis) = await service.StartedAsync("9901066");
        var id = diagnosis.Schools()[0].Id;
        var answers = Diagnoses.Complete(await SchoolSectionsAsync(), new Dictionary<string, AnswerValue?>
        {
            ["pupils"] = new(Number: 312), ["teachers"] = new(Number: 28), ["classrooms"] = new(Number: 18),
            ["devices"] = Devices(("r1", "laptop", 25, 25), ("r2", "interactive_display", 6, 5)),
        });
        await team.SaveAsync(PathOf(id), answers);

        var submitted = await team.SubmitAsync(PathOf(id));
        var again = await team.SubmitAsync(PathOf(id));
        var change = await team.SaveAsync(PathOf(id), new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 313) });

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var state = (await submitted.Content.ReadFromJsonAsync<QuestionnaireState>(Ct))!;
        Assert.Equal((QuestionnaireStatus.Submitted, 100), (state.Status, state.Progress.Percent));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        var announced = Assert.Single(await service.EventsOfAsync(nameof(SchoolQuestionnaireSubmitted), diagnosis.Id));
        Assert.Equal((id, diagnosis.Schools()[0].SchoolId!.Value, "9901066", false), (announced.GetProperty("questionnaireId").GetGuid(),
            announced.GetProperty("schoolId").GetGuid(), announced.GetProperty("jstTerc").GetString(), announced.GetProperty("viaLink").GetBoolean()));
        Assert.Equal(state.Progress.RequiredQuestions, announced.GetProperty("requiredQuestions").GetInt32());
        var overview = (await team.GetFromJsonAsync<DiagnosisView>($"{Diagnoses.Api}/diagnoses/{diagnosis.Id}", Ct))!;
        Assert.Equal(new DiagnosisCompletion(2, 1, 1, 50), overview.Completion);
    }

    [Fact]
    public async Task The_team_reopens_a_submitted_questionnaire_with_a_reason_that_is_kept_and_the_next_submission_is_announced_again()
    {
        var (team, diagnosis) = await service.StartedAsync("9901077");
        var id = diagnosis.Schools()[1].Id;
        await team.SaveAsync(PathOf(id), Diagnoses.Complete(await SchoolSectionsAsync()));
        var openOne = await team.PostAsJsonAsync($"{PathOf(id)}/reopen", new { reason = "Za wcześnie" }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await team.SubmitAsync(PathOf(id))).StatusCode);
        var contents = await service.ContentsAsync();

        var withoutReason = await team.PostAsJsonAsync($"{PathOf(id)}/reopen", new { reason = "  " }, Ct);
        var unchanged = await service.ContentsAsync();
        var reopened = await team.PostAsJsonAsync($"{PathOf(id)}/reopen", new { reason = "Dyrektor poprawia liczbę uczniów po zmianie w SIO." }, Ct);
        var corrected = await team.SaveAsync(PathOf(id), new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 198) });
        var resubmitted = await team.SubmitAsync(PathOf(id));

        Assert.Equal(HttpStatusCode.Conflict, openOne.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(contents, unchanged);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(QuestionnaireStatus.Open, (await reopened.Content.ReadFromJsonAsync<QuestionnaireState>(Ct))!.Status);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        var view = await team.QuestionnaireAsync(PathOf(id));
        var reopening = Assert.Single(view.Reopenings);
        Assert.Equal("Dyrektor poprawia liczbę uczniów po zmianie w SIO.", reopening.Reason);
        Assert.Equal((QuestionnaireStatus.Submitted, 198m), (view.Status, view.Answers["pupils"].Number));
        Assert.Equal(2, (await service.EventsOfAsync(nameof(SchoolQuestionnaireSubmitted), diagnosis.Id)).Count);
    }

    [Fact]
    public async Task A_question_asked_only_after_some_answer_is_not_required_otherwise_and_its_answer_is_cleared_at_submission()
    {
        var (team, diagnosis) = await service.StartedAsync("9901088");
        var id = diagnosis.Schools()[0].Id;
        var sections = await SchoolSectionsAsync();
        await team.SaveAsync(PathOf(id), Diagnoses.Complete(sections, new Dictionary<string, AnswerValue?>
        {
            ["classrooms"] = new(Number: 12), ["wifi_available"] = new(Choice: "yes"), ["classrooms_with_wifi"] = new(Number: 4),
        }));
        var asked = (await team.QuestionnaireAsync(PathOf(id))).Progress.RequiredQuestions;

        var withoutWifi = await team.SaveAsync(PathOf(id), new Dictionary<string, AnswerValue?> { ["wifi_available"] = new(Choice: "no") });
        var submitted = await team.SubmitAsync(PathOf(id));

        Assert.Equal(asked - 2, (await withoutWifi.Content.ReadFromJsonAsync<QuestionnaireState>(Ct))!.Progress.RequiredQuestions);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var view = await team.QuestionnaireAsync(PathOf(id));
        Assert.False(view.Answers.ContainsKey("classrooms_with_wifi"));
        Assert.False(view.Answers.ContainsKey("wifi_users"));
        Assert.Equal("no", view.Answers["wifi_available"].Choice);
    }

    [Fact]
    public async Task The_teams_own_questionnaire_holds_the_JST_sections_is_submitted_without_a_school_event_and_gets_no_link()
    {
        var (team, diagnosis) = await service.StartedAsync("9901099");
        var own = diagnosis.Questionnaires.Single(q => q.SchoolId is null).Id;
        var sections = (await service.InstrumentAsync(1)).Sections.Where(s => s.Respondent == Respondent.JstTeam).ToList();

        var view = await team.QuestionnaireAsync(PathOf(own));
        var schoolQuestion = await team.SaveAsync(PathOf(own), new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 100) });
        var saved = await team.SaveAsync(PathOf(own), Diagnoses.Complete(sections, new Dictionary<string, AnswerValue?>
        {
            ["it_management_model"] = new(Choice: "central_unit"), ["central_it_staff_fte"] = new(Number: 2.5m),
        }));
        var submitted = await team.SubmitAsync(PathOf(own));
        var link = await team.PostAsJsonAsync($"{PathOf(own)}/links", new { }, Ct);

        Assert.Equal(sections.Select(s => s.Key), view.Sections.Select(s => s.Key));
        Assert.Equal(["pupils"], (await schoolQuestion.ErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, link.StatusCode);
        Assert.Empty(await service.EventsOfAsync(nameof(SchoolQuestionnaireSubmitted), diagnosis.Id));
    }

    [Fact]
    public async Task A_school_added_or_reopened_while_the_diagnosis_collects_gets_its_questionnaire_at_once_and_one_closed_is_excused()
    {
        // A JST of the registry (the team adds schools only there) with a few schools from the extract, all active.
        var terc = (await service.QueryAsync<string>("""
            SELECT jst_terc FROM schools GROUP BY jst_terc
            HAVING count(*) BETWEEN 2 AND 4 AND bool_and(status = 'active') ORDER BY jst_terc LIMIT 1
            """)).Single();
        var team = service.Team(terc);
        var started = await team.PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = "baseline" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var diagnosis = (await started.Content.ReadFromJsonAsync<DiagnosisView>(Ct))!;
        var count = diagnosis.Schools().Count;
        var path = $"{Diagnoses.Api}/diagnoses/{diagnosis.Id}";
        var (closing, answered) = (diagnosis.Schools()[0], diagnosis.Schools()[1]);
        await team.SaveAsync(PathOf(answered.Id), Diagnoses.Complete(await SchoolSectionsAsync()));
        Assert.Equal(HttpStatusCode.OK, (await team.SubmitAsync(PathOf(answered.Id))).StatusCode);

        var added = await team.PostAsJsonAsync($"{Diagnoses.Api}/jst/{terc}/schools",
            new { name = "Szkoła Podstawowa Nowa", kind = "Szkoła podstawowa", town = "Nowe Miasto", reason = "Otwarta we wrześniu 2024 r." }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var school = (await added.Content.ReadFromJsonAsync<Cro.Monitoring.Features.Schools.SchoolView>(Ct))!;
        var closed = await team.PostAsJsonAsync($"{Diagnoses.Api}/schools/{closing.SchoolId}/closure", new { reason = "Włączona do zespołu szkół." }, Ct);
        var closedAnswered = await team.PostAsJsonAsync($"{Diagnoses.Api}/schools/{answered.SchoolId}/closure", new { reason = "Zlikwidowana." }, Ct);
        var during = (await team.GetFromJsonAsync<DiagnosisView>(path, Ct))!;
        var submission = await team.PostAsync($"{path}/submit", null, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (closed.StatusCode, closedAnswered.StatusCode));
        var own = Assert.Single(during.Schools(), q => q.SchoolId == school.Id);
        Assert.Equal(("Szkoła Podstawowa Nowa", QuestionnaireStatus.Open, closing.Progress.RequiredQuestions, null),
            (own.SchoolName, own.Status, own.Progress.RequiredQuestions, own.ExcusedReason));
        Assert.Equal(new DiagnosisCompletion(count + 1, 1, count, during.Completion.AveragePercent), during.Completion);
        // The closed school is excused, as the team excuses one; a school that had submitted keeps its questionnaire as it was.
        Assert.Equal("Szkoła zamknięta w rejestrze.", during.Schools().Single(q => q.Id == closing.Id).ExcusedReason);
        var submitted = during.Schools().Single(q => q.Id == answered.Id);
        Assert.Equal((QuestionnaireStatus.Submitted, null), (submitted.Status, submitted.ExcusedReason));
        var missing = await submission.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Conflict, submission.StatusCode);
        Assert.Contains($"ani zwolnione z podaniem powodu ({count - 1}): ", missing, StringComparison.Ordinal);
        Assert.Contains("Szkoła Podstawowa Nowa", missing, StringComparison.Ordinal);
        Assert.DoesNotContain(closing.SchoolName!, missing, StringComparison.Ordinal);
        // The new school's director gets a link; its answers count.
        var link = await team.LinkAsync(own.Id);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.SaveAsync(link.Path, new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 80) })).StatusCode);
        Assert.Equal(1, (await team.GetFromJsonAsync<DiagnosisView>(path, Ct))!.Schools().Single(q => q.Id == own.Id).Progress.AnsweredRequired);

        // Reopened, the closed school has its questionnaire back, no longer excused.
        var reopened = await team.PostAsJsonAsync($"{Diagnoses.Api}/schools/{closing.SchoolId}/reopening", new { reason = "Połączenie odwołane." }, Ct);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var back = (await team.GetFromJsonAsync<DiagnosisView>(path, Ct))!;
        Assert.Equal(count + 1, back.Schools().Count);
        Assert.Null(back.Schools().Single(q => q.Id == closing.Id).ExcusedReason);

        // Once collection has ended, the register no longer changes the diagnosis.
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"{path}/close-collection", null, Ct)).StatusCode);
        var late = await team.PostAsJsonAsync($"{Diagnoses.Api}/jst/{terc}/schools", new { name = "Szkoła Podstawowa Późna", town = "Nowe Miasto" }, Ct);
        var lateClosure = await team.PostAsJsonAsync($"{Diagnoses.Api}/schools/{closing.SchoolId}/closure", new { reason = "Jednak połączona." }, Ct);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (late.StatusCode, lateClosure.StatusCode));
        var after = (await team.GetFromJsonAsync<DiagnosisView>(path, Ct))!;
        Assert.Equal(count + 1, after.Schools().Count);
        Assert.Null(after.Schools().Single(q => q.Id == closing.Id).ExcusedReason);
    }
}
