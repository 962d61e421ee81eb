using System.Net;
using Cro.ServiceDefaults.Security;
using Cro.Web.Training.Api;

namespace Cro.Web.Tests.Training;

/// <summary>
/// What a participant, an operator and a visitor read about what happens next: the sessions ahead on the public
/// programme, a test offered only when it can be taken, a cancelled session, and the wait before a cohort is formed.
/// </summary>
public sealed class PlainWordsAndCancellationTests : IDisposable
{
    private readonly WebWithFakeTraining _web = new();

    public void Dispose() => _web.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = new(2027, 3, 9, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly ModuleTestReadiness[] OnlyM2Ready =
    [
        new("M1", "Diagnoza", 0, false), new("M2", "Wykluczenie cyfrowe", 12, true),
    ];

    private void Programme() => _web.Training.Json(HttpMethod.Get, "/api/training/programme", new ProgrammeView(1, 60m, 80m, null, Start.AddDays(-90),
    [
        new ModuleView("M1", "Diagnoza", "Opis", 16m, "blended", "Testy", [new LearningOutcome("M1.W1", "knowledge", "Zna obszary diagnozy.")]),
        new ModuleView("M2", "Wykluczenie cyfrowe", "Opis", 8m, "stationary", "Testy", [new LearningOutcome("M2.W1", "knowledge", "Zna przejawy wykluczenia.")]),
    ]));

    [Fact]
    public async Task The_public_programme_shows_the_next_sessions_dates_and_form_and_the_public_materials()
    {
        Programme();
        _web.Training.Json(HttpMethod.Get, "/api/training/public/sessions?limit=10", new[]
        {
            new PublicSession("M1", "Diagnoza", Start, Start.AddHours(4), "stationary"),
            new PublicSession("M2", "Wykluczenie cyfrowe", Start.AddDays(7), Start.AddDays(7).AddHours(3), "online"),
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/public/materials", new[]
        {
            new MaterialView(Guid.NewGuid(), "M1", "lesson", "O module: Diagnoza", true, null, null, null, null, null, null, Start, Start),
        });

        var page = await WebWithFakeTraining.PageAsync(await _web.Browser().GetAsync("/szkolenia", Ct));

        Assert.Contains("Najbliższe zajęcia", page);
        Assert.Contains("9 marca 2027, 10:00–14:00", page);
        Assert.Contains("stacjonarnie", page);
        Assert.Contains("16 marca 2027, 10:00–13:00", page);
        Assert.Contains("O module: Diagnoza", page);
        Assert.DoesNotContain("M1.W1", page);
    }

    [Fact]
    public async Task Before_any_session_is_scheduled_the_programme_says_when_dates_will_appear()
    {
        Programme();
        _web.Training.Json(HttpMethod.Get, "/api/training/public/sessions?limit=10", Array.Empty<PublicSession>());

        var page = await WebWithFakeTraining.PageAsync(await _web.Browser().GetAsync("/szkolenia", Ct));

        Assert.Contains("Terminy zajęć podamy tu, gdy operator zaplanuje zajęcia pierwszych grup.", page);
    }

    [Fact]
    public async Task A_test_is_offered_only_for_a_module_with_questions()
    {
        var rules = new CohortRules(Guid.NewGuid(), "Grupa 1", 1, 60m, 80m, [new("M1", "Diagnoza", 16m), new("M2", "Wykluczenie cyfrowe", 8m)]);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", new[]
        {
            new CohortResults(rules, [new(Guid.NewGuid(), Guid.NewGuid(), "Anna Testowa", "1465011", "Warszawa", "woman", null,
            [
                new("M1", "Diagnoza", 16m, 0m, 0m, false, null, null, 0, false, false, false),
                new("M2", "Wykluczenie cyfrowe", 8m, 0m, 0m, false, null, null, 0, false, false, false),
            ], false, null, null)]),
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", Array.Empty<SessionView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/tests/readiness", OnlyM2Ready);

        var page = await WebWithFakeTraining.PageAsync(await _web.Browser(Roles.JstMember).GetAsync("/moje-szkolenie", Ct));

        Assert.DoesNotContain("name=\"_handler\" value=\"start-M1-pre\"", page);
        Assert.Contains("name=\"_handler\" value=\"start-M2-pre\"", page);
        Assert.Contains("Jeszcze niedostępny: test tego modułu jest w przygotowaniu.", page);
        Assert.DoesNotContain("nie ma jeszcze pytań", page);
    }

    [Fact]
    public async Task A_participant_sees_a_cancelled_session_struck_out_with_its_reason_and_no_link_to_join()
    {
        var cohort = Guid.NewGuid();
        var rules = new CohortRules(cohort, "Grupa 1", 1, 60m, 80m, [new("M1", "Diagnoza", 16m)]);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", new[]
        {
            new CohortResults(rules, [new(Guid.NewGuid(), Guid.NewGuid(), "Anna Testowa", "1465011", "Warszawa", "woman", null,
                [new("M1", "Diagnoza", 16m, 0m, 0m, false, null, null, 0, false, false, false)], false, null, null)]),
        });
        var ahead = DateTimeOffset.UtcNow.AddDays(3);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", new[]
        {
            new SessionView(Guid.NewGuid(), cohort, "Grupa 1", "M1", "Diagnoza", ahead, ahead.AddHours(3), "online", null, new Uri("https://meet.example/1"), 20, 3m, 1,
                ahead.AddDays(-1), "Trener zachorował."),
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());

        var page = await WebWithFakeTraining.PageAsync(await _web.Browser(Roles.JstMember).GetAsync("/moje-szkolenie", Ct));

        Assert.Contains("<strong>odwołane</strong>", page);
        Assert.Contains("Odwołane: Trener zachorował.", page);
        Assert.DoesNotContain("https://meet.example/1", page);
        // The cancelled session closes no pre-test: it is still offered, as no other session of the module is scheduled.
        Assert.Contains("name=\"_handler\" value=\"start-M1-pre\"", page);
    }

    [Fact]
    public async Task Before_a_cohort_is_formed_my_training_says_what_happens_next()
    {
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", Array.Empty<CohortResults>());

        var page = await WebWithFakeTraining.PageAsync(await _web.Browser(Roles.JstMember).GetAsync("/moje-szkolenie", Ct));

        Assert.Contains("Nie jesteś jeszcze w grupie szkoleniowej.", page);
        Assert.Contains("operator szkoleń utworzy grupę", page);
        Assert.Contains("dostaniesz e-mail z terminami zajęć", page);
    }

    [Fact]
    public async Task The_operator_is_told_which_modules_have_no_test_questions()
    {
        Programme();
        _web.Training.Json(HttpMethod.Get, "/api/training/cohorts", Array.Empty<CohortSummary>());
        _web.Training.Json(HttpMethod.Get, "/api/training/enrolment/waiting", Array.Empty<TeamView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/tests/readiness", OnlyM2Ready);

        var page = await WebWithFakeTraining.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/administracja/szkolenia", Ct));

        Assert.Contains("Te moduły nie mają jeszcze pytań testowych:", page);
        Assert.Contains("M1. Diagnoza.", page);
        Assert.Contains("(brak pytań — testu nie da się rozwiązać)", page);
        Assert.Contains("(12 pyt.)", page);
    }

    [Fact]
    public async Task Cancelling_a_session_sends_the_reason_and_says_who_is_told()
    {
        var (cohort, session) = (Guid.NewGuid(), Guid.NewGuid());
        var view = new SessionView(session, cohort, "Grupa 1", "M1", "Diagnoza", Start, Start.AddHours(4), "stationary", "Sala 1", null, 20, 4m, 0);
        var team = new TeamView(Guid.NewGuid(), Guid.NewGuid(), "Nabór", "1465011", "Warszawa", Start, null, cohort, "Grupa 1",
        [
            new ParticipantView(Guid.NewGuid(), "Anna Nowak", "anna@example.pl", "naczelniczka", "woman", true, Start, null),
            new ParticipantView(Guid.NewGuid(), "Jan Kowalski", "jan@example.pl", "inspektor", "man", false, Start, null),
        ]);
        _web.Training.Json(HttpMethod.Get, $"/api/training/cohorts/{cohort}",
            new CohortView(cohort, "Grupa 1", 1, Start.AddDays(-30), [team], [new TrainerView("t@example.pl", "Tomasz Trener", null, Start)], [view]));
        Programme();
        _web.Training.Json(HttpMethod.Get, "/api/training/programme/versions/1", new ProgrammeView(1, 60m, 80m, null, Start, []));
        _web.Training.Json(HttpMethod.Post, $"/api/training/sessions/{session}/cancel",
            view with { CancelledAt = Start.AddDays(-1), CancellationReason = "Trener zachorował.", Sequence = 1 });
        var browser = _web.Browser(Roles.Operator);
        var path = $"/administracja/szkolenia/grupy/{cohort}/zajecia/{session}";

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync(path, Ct));
        var page = await WebWithFakeTraining.PageAsync(await WebWithFakeTraining.PostFormAsync(browser, path, "cancel", ("Cancel.Reason", "Trener zachorował.")));

        Assert.Contains("uczestników grupy (2) i jej trenerów (1)", form);
        var sent = Assert.Single(_web.Training.Sent(HttpMethod.Post, $"/api/training/sessions/{session}/cancel"));
        Assert.Equal("Trener zachorował.", sent.GetProperty("reason").GetString());
        Assert.Contains("Odwołano zajęcia", page);
        Assert.Contains("są odwołane", page);
        Assert.Contains("Powód: Trener zachorował.", page);
    }

    [Fact]
    public async Task A_cancellation_without_a_reason_is_not_sent()
    {
        var (cohort, session) = (Guid.NewGuid(), Guid.NewGuid());
        var view = new SessionView(session, cohort, "Grupa 1", "M1", "Diagnoza", Start, Start.AddHours(4), "stationary", "Sala 1", null, 20, 4m, 0);
        _web.Training.Json(HttpMethod.Get, $"/api/training/cohorts/{cohort}", new CohortView(cohort, "Grupa 1", 1, Start, [], [], [view]));
        _web.Training.Json(HttpMethod.Get, "/api/training/programme/versions/1", new ProgrammeView(1, 60m, 80m, null, Start, []));
        var browser = _web.Browser(Roles.Operator);

        var page = await WebWithFakeTraining.PageAsync(await WebWithFakeTraining.PostFormAsync(browser, $"/administracja/szkolenia/grupy/{cohort}/zajecia/{session}",
            "cancel", ("Cancel.Reason", " ")));

        Assert.Empty(_web.Training.Sent(HttpMethod.Post, $"/api/training/sessions/{session}/cancel"));
        Assert.Contains("Nie odwołano zajęć", page);
        Assert.Contains("Podaj powód odwołania zajęć.", page);
    }
}

/// <summary>Moving a team between cohorts from the cohort's page.</summary>
public sealed class TeamMovePageTests : IDisposable
{
    private readonly WebWithFakeTraining _web = new();

    public void Dispose() => _web.Dispose();

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_team_is_moved_to_the_chosen_cohort_with_its_reason_or_not_sent_without_one()
    {
        var (cohort, other, application) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var team = new TeamView(application, Guid.NewGuid(), "Nabór", "0201022", "Bolesławiec", Now, null, cohort, "Grupa 1", []);
        _web.Training.Json(HttpMethod.Get, $"/api/training/cohorts/{cohort}", new CohortView(cohort, "Grupa 1", 1, Now, [team], [], []));
        _web.Training.Json(HttpMethod.Get, "/api/training/programme/versions/1", new ProgrammeView(1, 60m, 80m, null, Now, []));
        _web.Training.Json(HttpMethod.Get, "/api/training/enrolment/waiting", Array.Empty<TeamView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/cohorts", new[]
        {
            new CohortSummary(cohort, "Grupa 1", 1, 1, 0, null, Now), new CohortSummary(other, "Grupa 2", 1, 2, 3, null, Now),
        });
        _web.Training.Json(HttpMethod.Put, $"/api/training/teams/{application}/cohort", team with { CohortId = other, CohortName = "Grupa 2" });
        var browser = _web.Browser(Roles.Operator);
        var path = $"/administracja/szkolenia/grupy/{cohort}";

        var refused = await WebWithFakeTraining.PageAsync(await WebWithFakeTraining.PostFormAsync(browser, path, "move-team",
            ("Move.ApplicationId", application.ToString()), ("Move.To", other.ToString()), ("Move.Reason", "")));
        var moved = await WebWithFakeTraining.PageAsync(await WebWithFakeTraining.PostFormAsync(browser, path, "move-team",
            ("Move.ApplicationId", application.ToString()), ("Move.To", other.ToString()), ("Move.Reason", "Gmina prosi o inny termin.")));

        Assert.Contains("Podaj powód przeniesienia zespołu.", refused);
        Assert.Contains("<option value=\"" + other + "\" selected", refused);
        var sent = Assert.Single(_web.Training.Sent(HttpMethod.Put, $"/api/training/teams/{application}/cohort"));
        Assert.Equal(other, sent.GetProperty("cohortId").GetGuid());
        Assert.Equal("Gmina prosi o inny termin.", sent.GetProperty("reason").GetString());
        Assert.Contains("Przeniesiono zespół Bolesławiec do grupy Grupa 2.", moved);
        Assert.DoesNotContain("do grupy Grupa 1<", moved);
    }
}
