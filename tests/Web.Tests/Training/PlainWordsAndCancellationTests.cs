namespace Cro.Web.Tests.Training;

/// <summary>
/// What a participant, an operator and a visitor read about what happens next: the sessions ahead on the public
/// programme, a test offered only when it can be taken, a cancelled session, and the wait before a cohort is formed.
/// </summary>
public sealed class PlainWordsAndCancellationTests : IDisposable
{
    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = new(2027, 3, 9, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly ModuleTestReadiness[] OnlyM2Ready =
    [
        new ModuleTestReadiness
        {
            ModuleCode = "M1", ModuleTitle = "Diagnoza", Questions = 0, Ready = false,
        }, new ModuleTestReadiness { ModuleCode = "M2", ModuleTitle = "Wykluczenie cyfrowe", Questions = 12, Ready = true },
    ];

    private void Programme() => _web.Training.Json(HttpMethod.Get, "/api/training/programme", new ProgrammeView { Version = 1, PostTestThreshold = 60, AttendanceThreshold = 80, ChangeNote = null, CreatedAt = Start.AddDays(-90), Modules = [
        new ModuleView
        {
            Code = "M1", Title = "Diagnoza", Description = "Opis", Hours = 16, Form = "blended", ValidationMethod = "Testy",
            Outcomes = [new OutcomeDefinition { Code = "M1.W1", Category = "knowledge", Description = "Zna obszary diagnozy." }],
        },
        new ModuleView
        {
            Code = "M2", Title = "Wykluczenie cyfrowe", Description = "Opis", Hours = 8, Form = "stationary", ValidationMethod = "Testy",
            Outcomes = [new OutcomeDefinition { Code = "M2.W1", Category = "knowledge", Description = "Zna przejawy wykluczenia." }],
        },
    ] });

    [Fact]
    public async Task The_public_programme_shows_the_next_sessions_dates_and_form_and_the_public_materials()
    {
        Programme();
        _web.Training.Json(HttpMethod.Get, "/api/training/public/sessions?limit=10", new[]
        {
            new PublicSession { ModuleCode = "M1", ModuleTitle = "Diagnoza", StartsAt = Start, EndsAt = Start.AddHours(4), Form = "stationary" },
            new PublicSession
            {
                ModuleCode = "M2", ModuleTitle = "Wykluczenie cyfrowe", StartsAt = Start.AddDays(7), EndsAt = Start.AddDays(7).AddHours(3),
                Form = "online",
            },
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/public/materials", new[]
        {
            new MaterialView
            {
                Id = Guid.NewGuid(), ModuleCode = "M1", Kind = "lesson", Title = "O module: Diagnoza", IsPublic = true, Url = null, FileName = null,
                ContentType = null, SizeBytes = null, Html = null, Markdown = null, CreatedAt = Start, UpdatedAt = Start,
            },
        });

        var page = await WebWithFakeServices.PageAsync(await _web.Browser().GetAsync("/szkolenia", Ct));

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

        var page = await WebWithFakeServices.PageAsync(await _web.Browser().GetAsync("/szkolenia", Ct));

        Assert.Contains("Terminy zajęć podamy tu, gdy operator zaplanuje zajęcia pierwszych grup.", page);
    }

    [Fact]
    public async Task A_test_is_offered_only_for_a_module_with_questions()
    {
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results",
            new[] { TrainingFixtures.MyResults(Guid.NewGuid(), ("M1", "Diagnoza", 16, 0), ("M2", "Wykluczenie cyfrowe", 8, 0)) });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", Array.Empty<SessionView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/tests/readiness", OnlyM2Ready);

        var page = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.JstMember).GetAsync("/moje-szkolenie", Ct));

        Assert.DoesNotContain("name=\"_handler\" value=\"start-M1-pre\"", page);
        Assert.Contains("name=\"_handler\" value=\"start-M2-pre\"", page);
        Assert.Contains("Jeszcze niedostępny: test tego modułu jest w przygotowaniu.", page);
        Assert.DoesNotContain("nie ma jeszcze pytań", page);
    }

    [Fact]
    public async Task A_participant_sees_a_cancelled_session_struck_out_with_its_reason_and_no_link_to_join()
    {
        var cohort = Guid.NewGuid();
        _web.Training.Json(HttpMethod.Get, "/api/training/me/results", new[] { TrainingFixtures.MyResults(cohort, ("M1", "Diagnoza", 16, 0)) });
        var ahead = DateTimeOffset.UtcNow.AddDays(3);
        _web.Training.Json(HttpMethod.Get, "/api/training/me/sessions", new[]
        {
            new SessionView
            {
                Id = Guid.NewGuid(), CohortId = cohort, CohortName = "Grupa 1", ModuleCode = "M1", ModuleTitle = "Diagnoza", StartsAt = ahead,
                EndsAt = ahead.AddHours(3), Form = "online", Place = null, OnlineUrl = new Uri("https://meet.example/1"), Capacity = 20, Hours = 3,
                Sequence = 1, CancelledAt = ahead.AddDays(-1), CancellationReason = "Trener zachorował.",
            },
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/certificates", Array.Empty<CertificateView>());

        var page = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.JstMember).GetAsync("/moje-szkolenie", Ct));

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

        var page = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.JstMember).GetAsync("/moje-szkolenie", Ct));

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

        var page = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/administracja/szkolenia", Ct));

        Assert.Contains("Te moduły nie mają jeszcze pytań testowych:", page);
        Assert.Contains("M1. Diagnoza.", page);
        Assert.Contains("(brak pytań — testu nie da się rozwiązać)", page);
        Assert.Contains("(12 pyt.)", page);
    }

    [Fact]
    public async Task Cancelling_a_session_sends_the_reason_and_says_who_is_told()
    {
        var (cohort, session) = (Guid.NewGuid(), Guid.NewGuid());
        var view = new SessionView
        {
            Id = session, CohortId = cohort, CohortName = "Grupa 1", ModuleCode = "M1", ModuleTitle = "Diagnoza", StartsAt = Start,
            EndsAt = Start.AddHours(4), Form = "stationary", Place = "Sala 1", OnlineUrl = null, Capacity = 20, Hours = 4, Sequence = 0,
        };
        var team = new TeamView { ApplicationId = Guid.NewGuid(), RoundId = Guid.NewGuid(), RoundName = "Nabór", JstTerc = "1465011", JstName = "Warszawa", AcceptedAt = Start, WithdrawnAt = null, CohortId = cohort, CohortName = "Grupa 1", Participants = [
            new ParticipantView
            {
                Id = Guid.NewGuid(), FullName = "Anna Nowak", Email = "anna@example.pl", Position = "naczelniczka", Sex = "woman",
                IsCoordinator = true, EnrolledAt = Start, LeftAt = null,
            },
            new ParticipantView
            {
                Id = Guid.NewGuid(), FullName = "Jan Kowalski", Email = "jan@example.pl", Position = "inspektor", Sex = "man", IsCoordinator = false,
                EnrolledAt = Start, LeftAt = null,
            },
        ] };
        _web.Training.Json(HttpMethod.Get, $"/api/training/cohorts/{cohort}",
            new CohortView
            {
                Id = cohort, Name = "Grupa 1", ProgrammeVersion = 1, CreatedAt = Start.AddDays(-30), Teams = [team],
                Trainers = [new TrainerView { Email = "t@example.pl", FullName = "Tomasz Trener", UserId = null, AssignedAt = Start }],
                Sessions = [view],
            });
        Programme();
        _web.Training.Json(HttpMethod.Get, "/api/training/programme/versions/1", new ProgrammeView
        {
            Version = 1, PostTestThreshold = 60, AttendanceThreshold = 80, ChangeNote = null, CreatedAt = Start, Modules = [],
        });
        _web.Training.Json(HttpMethod.Post, $"/api/training/sessions/{session}/cancel",
            view.With(new { CancelledAt = Start.AddDays(-1), CancellationReason = "Trener zachorował.", Sequence = 1 }));
        var browser = _web.Browser(Roles.Operator);
        var path = $"/administracja/szkolenia/grupy/{cohort}/zajecia/{session}";

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync(path, Ct));
        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, path, "cancel", ("Cancel.Reason", "Trener zachorował.")));

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
        var view = new SessionView
        {
            Id = session, CohortId = cohort, CohortName = "Grupa 1", ModuleCode = "M1", ModuleTitle = "Diagnoza", StartsAt = Start,
            EndsAt = Start.AddHours(4), Form = "stationary", Place = "Sala 1", OnlineUrl = null, Capacity = 20, Hours = 4, Sequence = 0,
        };
        _web.Training.Json(HttpMethod.Get, $"/api/training/cohorts/{cohort}", new CohortView
        {
            Id = cohort, Name = "Grupa 1", ProgrammeVersion = 1, CreatedAt = Start, Teams = [], Trainers = [], Sessions = [view],
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/programme/versions/1", new ProgrammeView
        {
            Version = 1, PostTestThreshold = 60, AttendanceThreshold = 80, ChangeNote = null, CreatedAt = Start, Modules = [],
        });
        var browser = _web.Browser(Roles.Operator);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/administracja/szkolenia/grupy/{cohort}/zajecia/{session}",
            "cancel", ("Cancel.Reason", " ")));

        Assert.Empty(_web.Training.Sent(HttpMethod.Post, $"/api/training/sessions/{session}/cancel"));
        Assert.Contains("Nie odwołano zajęć", page);
        Assert.Contains("Podaj powód odwołania zajęć.", page);
    }
}

/// <summary>Moving a team between cohorts from the cohort's page.</summary>
public sealed class TeamMovePageTests : IDisposable
{
    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_team_is_moved_to_the_chosen_cohort_with_its_reason_or_not_sent_without_one()
    {
        var (cohort, other, application) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var team = new TeamView
        {
            ApplicationId = application, RoundId = Guid.NewGuid(), RoundName = "Nabór", JstTerc = "0201022", JstName = "Bolesławiec",
            AcceptedAt = Now, WithdrawnAt = null, CohortId = cohort, CohortName = "Grupa 1", Participants = [],
        };
        _web.Training.Json(HttpMethod.Get, $"/api/training/cohorts/{cohort}", new CohortView
        {
            Id = cohort, Name = "Grupa 1", ProgrammeVersion = 1, CreatedAt = Now, Teams = [team], Trainers = [], Sessions = [],
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/programme/versions/1", new ProgrammeView
        {
            Version = 1, PostTestThreshold = 60, AttendanceThreshold = 80, ChangeNote = null, CreatedAt = Now, Modules = [],
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/enrolment/waiting", Array.Empty<TeamView>());
        _web.Training.Json(HttpMethod.Get, "/api/training/cohorts", new[]
        {
            new CohortSummary
            {
                Id = cohort, Name = "Grupa 1", ProgrammeVersion = 1, Teams = 1, Sessions = 0, NextSessionAt = null, CreatedAt = Now,
            }, new CohortSummary { Id = other, Name = "Grupa 2", ProgrammeVersion = 1, Teams = 2, Sessions = 3, NextSessionAt = null, CreatedAt = Now },
        });
        _web.Training.Json(HttpMethod.Put, $"/api/training/teams/{application}/cohort", team.With(new { CohortId = other, CohortName = "Grupa 2" }));
        var browser = _web.Browser(Roles.Operator);
        var path = $"/administracja/szkolenia/grupy/{cohort}";

        var refused = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, path, "move-team",
            ("Move.ApplicationId", application.ToString()), ("Move.To", other.ToString()), ("Move.Reason", "")));
        var moved = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, path, "move-team",
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
