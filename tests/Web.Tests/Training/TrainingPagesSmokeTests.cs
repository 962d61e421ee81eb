using System.Net;
using System.Text.RegularExpressions;
using Cro.ServiceDefaults.Security;
using Cro.Web.Training.Api;

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

    private readonly WebWithFakeTraining _web = new();

    public TrainingPagesSmokeTests()
    {
        var training = _web.Training;
        var programme = new ProgrammeView(1, 60m, 80m, null, Now.AddDays(-30),
        [
            new ModuleView("M1", "Przygotowanie diagnozy", "Opis", 16m, "blended", "Testy",
                [new LearningOutcome("M1.W1", "knowledge", "Zna obszary."), new LearningOutcome("M1.K1", "social", "Jest gotów do współpracy.")]),
        ]);
        var session = new SessionView(Session, Cohort, "Grupa 1", "M1", "Przygotowanie diagnozy", Now.AddHours(-1), Now.AddHours(2), "blended", "Sala 1",
            new Uri("https://meet.example/1"), 20, 3m, 0);
        var participant = new ParticipantView(Person, "Anna Nowak", "anna@example.pl", "Naczelnik", "woman", true, Now.AddDays(-20), null);
        var team = new TeamView(Team, Guid.NewGuid(), "Nabór 2026", "1465011", "Warszawa", Now.AddDays(-20), null, Cohort, "Grupa 1", [participant]);
        var cohort = new CohortView(Cohort, "Grupa 1", 1, Now.AddDays(-10), [team], [new TrainerView("trener@example.pl", "Tomasz Trener", null, Now)], [session]);
        var rules = new CohortRules(Cohort, "Grupa 1", 1, 60m, 80m, [new ModuleRule("M1", "Przygotowanie diagnozy", 16m)]);
        var standing = new ParticipantStanding(Person, Team, "Anna Nowak", "1465011", "Warszawa", "woman", null,
            [new ModuleStanding("M1", "Przygotowanie diagnozy", 16m, 13m, 81.25m, true, 40m, 70m, 1, true, true, true)], true, Certificate, "CRO/2026/000001");
        var lesson = new MaterialView(Lesson, "M1", "lesson", "Jak zebrać dane", false, null, null, null, null, "<h1>Wstęp</h1><p>Treść</p>", "# Wstęp\n\nTreść",
            Now, Now);
        var certificate = new CertificateView(Certificate, "CRO/2026/000001", "Anna Nowak", "Warszawa", "1465011", 1, "Szkolenie kadr JST", "Ośrodek Rozwoju Edukacji",
            Now, true, null, false, [new CertificateModule("M1", "Przygotowanie diagnozy", 16m)], 16m, new Uri("http://localhost/api/training/public/certificates?number=x"));

        training.Json(HttpMethod.Get, "/api/training/programme", programme);
        training.Json(HttpMethod.Get, "/api/training/programme/versions/1", programme);
        training.Json(HttpMethod.Get, "/api/training/programme/versions", new[] { new ProgrammeVersionSummary(1, null, null, Now) });
        training.Json(HttpMethod.Get, "/api/training/public/materials", Array.Empty<MaterialView>());
        training.Json(HttpMethod.Get, "/api/training/modules/M1/materials", new[] { lesson with { Html = null, Markdown = null } });
        training.Json(HttpMethod.Get, $"/api/training/materials/{Lesson}", lesson);
        training.Json(HttpMethod.Get, "/api/training/cohorts", new[] { new CohortSummary(Cohort, "Grupa 1", 1, 1, 1, session.StartsAt, Now) });
        training.Json(HttpMethod.Get, $"/api/training/cohorts/{Cohort}", cohort);
        training.Json(HttpMethod.Get, "/api/training/enrolment/waiting", new[] { team with { ApplicationId = Guid.NewGuid(), CohortId = null } });
        training.Json(HttpMethod.Get, $"/api/training/cohorts/{Cohort}/results", new CohortResults(rules, [standing]));
        training.Json(HttpMethod.Get, $"/api/training/cohorts/{Cohort}/learning-gain", new LearningGainReport(Cohort, "Grupa 1", 1,
            [new ModuleGain("M1", "Przygotowanie diagnozy", 1, 40m, 1, 70m, 30m, [new OutcomeGain("M1.W1", "knowledge", "Zna obszary.", 50m, 100m, 50m)])]));
        training.Json(HttpMethod.Get, $"/api/training/sessions/{Session}/attendance", new AttendanceSheet(session,
            [new AttendanceRow(Person, "Anna Nowak", "1465011", "Warszawa", "present", "trainer", Now)]));
        training.Json(HttpMethod.Get, $"/api/training/sessions/{Session}/attendance/corrections",
            new[] { new AttendanceCorrection(Person, "Anna Nowak", "absent", "present", "Pomyłka", null, "Tomasz Trener", Now) });
        training.Json(HttpMethod.Get, "/api/training/modules/M1/questions", new QuestionBankView("M1", 20, null,
            [new QuestionView(Question, "M1", "M1.W1", "single", "Co obejmuje diagnoza?", "Bo tak.", [new OptionView(Guid.NewGuid(), "Sprzęt", true), new OptionView(Guid.NewGuid(), "Pogodę", false)], Now, Now)]));
        training.Json(HttpMethod.Get, "/api/training/me/results", new[] { new CohortResults(rules, [standing]) });
        training.Json(HttpMethod.Get, "/api/training/me/sessions", new[] { session });
        training.Json(HttpMethod.Get, "/api/training/me/certificates", new[] { certificate });
        training.Json(HttpMethod.Get, $"/api/training/certificates/{Certificate}", certificate);
        training.Json(HttpMethod.Get, "/api/training/tests/readiness", new[] { new ModuleTestReadiness("M1", "Przygotowanie diagnozy", 0, false) });
        training.Json(HttpMethod.Get, "/api/training/public/sessions?limit=10",
            new[] { new PublicSession("M1", "Przygotowanie diagnozy", session.StartsAt, session.EndsAt, session.Form) });
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

        var page = await WebWithFakeTraining.PageAsync(await browser.GetAsync(url, TestContext.Current.CancellationToken));

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
