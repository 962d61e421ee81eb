using System.Text.RegularExpressions;

namespace Cro.Web.Tests.Training;

/// <summary>
/// Every training page opens with the service's data, as the role it is for, and keeps the rules the browser tests
/// check with axe later: one h1, every field labelled, every table captioned.
/// </summary>
public sealed partial class TrainingPagesSmokeTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly Guid Cohort = Guid.NewGuid(), Session = Guid.NewGuid(), Person = Guid.NewGuid(), Team = Guid.NewGuid(),
        Lesson = Guid.NewGuid(), Certificate = Guid.NewGuid(), Question = Guid.NewGuid();

    private readonly WebWithFakeServices _web = new();

    public TrainingPagesSmokeTests()
    {
        var training = _web.Training;
        var programme = new ProgrammeView { Version = 1, PostTestThreshold = 60, AttendanceThreshold = 80, ChangeNote = null, CreatedAt = Now.AddDays(-30), Modules = [
            new ModuleView
            {
                Code = "M1", Title = "Przygotowanie diagnozy", Description = "Opis", Hours = 16, Form = "blended", ValidationMethod = "Testy",
                Outcomes = [new OutcomeDefinition
                {
                    Code = "M1.W1", Category = "knowledge", Description = "Zna obszary.",
                }, new OutcomeDefinition { Code = "M1.K1", Category = "social", Description = "Jest gotów do współpracy." }],
            },
        ] };
        var session = new SessionView
        {
            Id = Session, CohortId = Cohort, CohortName = "Grupa 1", ModuleCode = "M1", ModuleTitle = "Przygotowanie diagnozy",
            StartsAt = Now.AddHours(-1), EndsAt = Now.AddHours(2), Form = "blended", Place = "Sala 1", OnlineUrl = new Uri("https://meet.example/1"),
            Capacity = 20, Hours = 3, Sequence = 0,
        };
        var participant = new ParticipantView
        {
            Id = Person, FullName = "Anna Nowak", Email = "anna@example.pl", Position = "Naczelnik", Sex = "woman", IsCoordinator = true,
            EnrolledAt = Now.AddDays(-20), LeftAt = null,
        };
        var team = new TeamView
        {
            ApplicationId = Team, RoundId = Guid.NewGuid(), RoundName = "Nabór 2026", JstTerc = "1465011", JstName = "Warszawa",
            AcceptedAt = Now.AddDays(-20), WithdrawnAt = null, CohortId = Cohort, CohortName = "Grupa 1", Participants = [participant],
        };
        var cohort = new CohortView
        {
            Id = Cohort, Name = "Grupa 1", ProgrammeVersion = 1, CreatedAt = Now.AddDays(-10), Teams = [team],
            Trainers = [new TrainerView { Email = "trener@example.pl", FullName = "Tomasz Trener", UserId = null, AssignedAt = Now }],
            Sessions = [session],
        };
        var rules = new CohortRules
        {
            CohortId = Cohort, CohortName = "Grupa 1", ProgrammeVersion = 1, PostTestThreshold = 60, AttendanceThreshold = 80,
            Modules = [new ModuleRule { Code = "M1", Title = "Przygotowanie diagnozy", Hours = 16 }],
        };
        var standing = new ParticipantStanding
        {
            ParticipantId = Person, ApplicationId = Team, FullName = "Anna Nowak", JstTerc = "1465011", JstName = "Warszawa", Sex = "woman",
            LeftAt = null,
            Modules = [new ModuleStanding
            {
                ModuleCode = "M1", Title = "Przygotowanie diagnozy", ModuleHours = 16, AttendedHours = 13, AttendancePercent = 81.25,
                AttendanceMet = true, PreTestScore = 40, PostTestScore = 70, PostTestAttempts = 1, Validated = true, Raised = true, Complete = true,
            }],
            TrainingComplete = true, CertificateId = Certificate, CertificateNumber = "CRO/2026/000001",
        };
        var lesson = new MaterialView
        {
            Id = Lesson, ModuleCode = "M1", Kind = "lesson", Title = "Jak zebrać dane", IsPublic = false, Url = null, FileName = null,
            ContentType = null, SizeBytes = null, Html = "<h1>Wstęp</h1><p>Treść</p>", Markdown = "# Wstęp\n\nTreść", CreatedAt = Now,
            UpdatedAt = Now,
        };
        var certificate = new CertificateView
        {
            Id = Certificate, Number = "CRO/2026/000001", HolderName = "Anna Nowak", JstName = "Warszawa", JstTerc = "1465011", ProgrammeVersion = 1,
            Programme = "Szkolenie kadr JST", Issuer = "Ośrodek Rozwoju Edukacji", IssuedAt = Now, Valid = true, RevokedAt = null, ShowName = false,
            Modules = [new CertificateModule { Code = "M1", Title = "Przygotowanie diagnozy", Hours = 16 }], TotalHours = 16,
            VerificationUrl = new Uri("http://localhost/api/training/public/certificates?number=x"),
        };

        training.Json(HttpMethod.Get, "/api/training/programme", programme);
        training.Json(HttpMethod.Get, "/api/training/programme/versions/1", programme);
        training.Json(HttpMethod.Get, "/api/training/programme/versions", new[] { new VersionSummary
        {
            Version = 1, ChangeNote = null, CreatedBy = null, CreatedAt = Now,
        } });
        training.Json(HttpMethod.Get, "/api/training/public/materials", Array.Empty<MaterialView>());
        training.Json(HttpMethod.Get, "/api/training/modules/M1/materials", new[] { lesson.With(new { Html = (string?)null, Markdown = (string?)null }) });
        training.Json(HttpMethod.Get, $"/api/training/materials/{Lesson}", lesson);
        training.Json(HttpMethod.Get, "/api/training/cohorts", new[] { new CohortSummary
        {
            Id = Cohort, Name = "Grupa 1", ProgrammeVersion = 1, Teams = 1, Sessions = 1, NextSessionAt = session.StartsAt, CreatedAt = Now,
        } });
        training.Json(HttpMethod.Get, $"/api/training/cohorts/{Cohort}", cohort);
        training.Json(HttpMethod.Get, "/api/training/enrolment/waiting", new[] { team.With(new { ApplicationId = Guid.NewGuid(), CohortId = (Guid?)null }) });
        training.Json(HttpMethod.Get, $"/api/training/cohorts/{Cohort}/results", new CohortResults { Rules = rules, Participants = [standing] });
        training.Json(HttpMethod.Get, $"/api/training/cohorts/{Cohort}/learning-gain", new LearningGainReport
        {
            CohortId = Cohort, CohortName = "Grupa 1", ProgrammeVersion = 1,
            Modules = [new ModuleGain
            {
                ModuleCode = "M1", Title = "Przygotowanie diagnozy", PreTests = 1, PreAverage = 40, PostTests = 1, PostAverage = 70, Gain = 30,
                Outcomes = [new OutcomeGain { OutcomeCode = "M1.W1", Category = "knowledge", Description = "Zna obszary.", Pre = 50, Post = 100, Gain = 50 }],
            }],
        });
        training.Json(HttpMethod.Get, $"/api/training/sessions/{Session}/attendance", new AttendanceSheet
        {
            Session = session,
            Rows = [new AttendanceRow
            {
                ParticipantId = Person, FullName = "Anna Nowak", JstTerc = "1465011", JstName = "Warszawa", Status = "present", Source = "trainer",
                RecordedAt = Now,
            }],
        });
        training.Json(HttpMethod.Get, $"/api/training/sessions/{Session}/attendance/corrections",
            new[] { new AttendanceCorrection
            {
                ParticipantId = Person, FullName = "Anna Nowak", OldStatus = "absent", NewStatus = "present", Reason = "Pomyłka", CorrectedBy = null,
                CorrectedByName = "Tomasz Trener", CorrectedAt = Now,
            } });
        training.Json(HttpMethod.Get, "/api/training/modules/M1/questions", new QuestionBankView
        {
            ModuleCode = "M1", PreTestMinutes = 20, PostTestMinutes = null,
            Questions = [new QuestionView
            {
                Id = Question, ModuleCode = "M1", OutcomeCode = "M1.W1", Kind = "single", Text = "Co obejmuje diagnoza?", Explanation = "Bo tak.",
                Options = [new AnswerOptionView
                {
                    Id = Guid.NewGuid(), Text = "Sprzęt", IsCorrect = true,
                }, new AnswerOptionView { Id = Guid.NewGuid(), Text = "Pogodę", IsCorrect = false }],
                CreatedAt = Now, UpdatedAt = Now,
            }],
        });
        training.Json(HttpMethod.Get, "/api/training/me/results", new[] { new CohortResults { Rules = rules, Participants = [standing] } });
        training.Json(HttpMethod.Get, "/api/training/me/sessions", new[] { session });
        training.Json(HttpMethod.Get, "/api/training/me/certificates", new[] { certificate });
        training.Json(HttpMethod.Get, $"/api/training/certificates/{Certificate}", certificate);
        training.Json(HttpMethod.Get, "/api/training/tests/readiness", new[] { new ModuleTestReadiness
        {
            ModuleCode = "M1", ModuleTitle = "Przygotowanie diagnozy", Questions = 0, Ready = false,
        } });
        training.Json(HttpMethod.Get, "/api/training/public/sessions?limit=10",
            new[] { new PublicSession
            {
                ModuleCode = "M1", ModuleTitle = "Przygotowanie diagnozy", StartsAt = session.StartsAt, EndsAt = session.EndsAt, Form = session.Form,
            } });
    }

    public void Dispose() => _web.Dispose();

    [Theory]
    [InlineData("/szkolenia", "")]
    [InlineData("/zaswiadczenia/weryfikacja", "")]
    [InlineData("/moje-szkolenie", Roles.JstMember)]
    [InlineData("/moje-szkolenie/materialy/M1", Roles.JstMember)]
    [InlineData("/moje-szkolenie/zaswiadczenia/{certificate}", Roles.JstMember)]
    [InlineData("/szkolenia/materialy/{lesson}", Roles.JstMember)]
    [InlineData("/trener", Roles.Trainer)]
    [InlineData("/trener/grupy/{cohort}", Roles.Trainer)]
    [InlineData("/trener/grupy/{cohort}/wyniki", Roles.Trainer)]
    [InlineData("/trener/sesje/{session}", Roles.Trainer)]
    [InlineData("/administracja/szkolenia", Roles.Operator)]
    [InlineData("/administracja/szkolenia/program", Roles.Operator)]
    [InlineData("/administracja/szkolenia/grupy/{cohort}", Roles.Operator)]
    [InlineData("/administracja/szkolenia/grupy/{cohort}/zajecia/{session}", Roles.Operator)]
    [InlineData("/administracja/szkolenia/moduly/M1/materialy", Roles.Operator)]
    [InlineData("/administracja/szkolenia/moduly/M1/materialy?usun={lesson}", Roles.Operator)]
    [InlineData("/administracja/szkolenia/materialy/{lesson}", Roles.Operator)]
    [InlineData("/administracja/szkolenia/moduly/M1/pytania", Roles.Operator)]
    public async Task The_page_opens_with_one_heading_labelled_fields_and_captioned_tables(string path, string role)
    {
        var url = path.Replace("{cohort}", Cohort.ToString()).Replace("{session}", Session.ToString()).Replace("{lesson}", Lesson.ToString())
            .Replace("{certificate}", Certificate.ToString());
        var browser = role.Length == 0 ? _web.Browser() : _web.Browser(role);

        var page = await WebWithFakeServices.PageAsync(await browser.GetAsync(url, TestContext.Current.CancellationToken));

        Assert.Equal(1, page.Split("<h1").Length - 1);
        Assert.DoesNotContain("role=\"alert\"", page);
        foreach (Match field in Field().Matches(page))
        {
            var id = Id().Match(field.Value);
            Assert.True(id.Success, $"A field without an id on {path}: {field.Value}");
            Assert.Contains($"for=\"{id.Groups[1].Value}\"", page);
        }
        Assert.Equal(page.Split("<table").Length - 1, page.Split("<caption").Length - 1);
    }

    [Fact]
    public async Task Pages_of_other_roles_are_refused()
    {
        var participant = _web.Browser(Roles.JstMember);

        var trainerPage = await participant.GetAsync("/trener", TestContext.Current.CancellationToken);
        var operatorPage = await participant.GetAsync("/administracja/szkolenia", TestContext.Current.CancellationToken);
        var anonymous = await _web.Browser().GetAsync("/moje-szkolenie", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, trainerPage.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, operatorPage.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [GeneratedRegex("<(input(?![^>]*type=\"(hidden|submit)\")|select|textarea)\\b[^>]*>")]
    private static partial Regex Field();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Id();
}
