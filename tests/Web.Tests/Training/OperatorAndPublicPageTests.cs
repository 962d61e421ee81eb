using Cro.Web.Training;

namespace Cro.Web.Tests.Training;

/// <summary>The programme editor, forming a cohort, and the public pages, against a fake training service.</summary>
public sealed class OperatorAndPublicPageTests : IDisposable
{
    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static ProgrammeView Programme(int version) => new ProgrammeView { Version = version, PostTestThreshold = 60, AttendanceThreshold = 80, ChangeNote = version == 1 ? null : "Nowe progi", CreatedAt = DateTimeOffset.UtcNow.AddDays(-version), Modules = [
        new ModuleView
        {
            Code = "M1", Title = "Przygotowanie diagnozy", Description = "Opis modułu", Hours = 16, Form = "blended",
            ValidationMethod = "Pre-test i post-test",
            Outcomes = [new OutcomeDefinition
            {
                Code = "M1.W1", Category = "knowledge", Description = "Zna obszary diagnozy.",
            }, new OutcomeDefinition { Code = "M1.U1", Category = "skills", Description = "Potrafi przeprowadzić diagnozę." }],
        },
    ] };

    [Fact]
    public async Task Programme_edits_go_out_whole_and_after_a_conflict_they_stay_based_on_the_newest_version()
    {
        _web.Training.Json(HttpMethod.Get, "/api/training/programme", Programme(2));
        _web.Training.Json(HttpMethod.Get, "/api/training/programme/versions", new[] { new VersionSummary
        {
            Version = 2, ChangeNote = "Nowe progi", CreatedBy = null, CreatedAt = DateTimeOffset.UtcNow,
        } });
        _web.Training.Problem(HttpMethod.Put, "/api/training/programme", HttpStatusCode.Conflict,
            new { title = "Program zmienił się w międzyczasie.", status = 409, detail = "Zmiany zaczęto od wersji 2, a aktualna jest nowsza." });
        var browser = _web.Browser(Roles.Operator);
        var html = await browser.GetStringAsync("/administracja/szkolenia/program", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        // Someone else saves version 3 before this operator does.
        _web.Training.Json(HttpMethod.Get, "/api/training/programme", Programme(3));

        var page = await WebWithFakeServices.PageAsync(await browser.PostAsync("/administracja/szkolenia/program", new FormUrlEncodedContent(
        [
            new("_handler", "programme"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("Programme.BasedOnVersion", "2"),
            new("Programme.PostTestThreshold", "62.5"), new("Programme.AttendanceThreshold", "80"),
            new("Programme.Modules[0].Code", "M1"), new("Programme.Modules[0].Title", "Diagnoza stanu cyfryzacji"), new("Programme.Modules[0].Description", "Opis"),
            new("Programme.Modules[0].Hours", "16"), new("Programme.Modules[0].Form", "online"), new("Programme.Modules[0].ValidationMethod", "Testy"),
            new("Programme.Modules[0].Outcomes[0].Code", "M1.W1"), new("Programme.Modules[0].Outcomes[0].Category", "knowledge"),
            new("Programme.Modules[0].Outcomes[0].Description", "Zna obszary i metody diagnozy."),
            new("Programme.Modules[0].Outcomes[1].Code", "M1.U1"), new("Programme.Modules[0].Outcomes[1].Category", "skills"),
            new("Programme.Modules[0].Outcomes[1].Description", "Potrafi przeprowadzić diagnozę."),
            new("Programme.ChangeNote", "Próg 62,5 %"),
        ]), TestContext.Current.CancellationToken));

        var sent = Assert.Single(_web.Training.Sent(HttpMethod.Put, "/api/training/programme"));
        Assert.Equal(2, sent.GetProperty("basedOnVersion").GetInt32());
        Assert.Equal(62.5, sent.GetProperty("programme").GetProperty("postTestThreshold").GetDouble());
        var module = sent.GetProperty("programme").GetProperty("modules")[0];
        Assert.Equal("online", module.GetProperty("form").GetString());
        Assert.Equal("Zna obszary i metody diagnozy.", module.GetProperty("outcomes")[0].GetProperty("description").GetString());
        Assert.Equal("M1.U1", module.GetProperty("outcomes")[1].GetProperty("code").GetString());
        Assert.Contains("Program zmienił się w międzyczasie — nie zapisano Twoich zmian", page);
        Assert.Contains("Twoje zmiany zaczęły się od wersji 2, a inna osoba zapisała wersję 3", page);
        Assert.Contains("name=\"Programme.BasedOnVersion\" value=\"3\"", page);
        Assert.Contains("Zna obszary i metody diagnozy.", page);
    }

    [Fact]
    public async Task A_cohort_is_formed_from_the_ticked_teams_and_the_filled_trainer_rows()
    {
        var (team, other, cohort) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        _web.Training.Json(HttpMethod.Get, "/api/training/programme", Programme(1));
        _web.Training.Json(HttpMethod.Get, "/api/training/cohorts", Array.Empty<CohortSummary>());
        _web.Training.Json(HttpMethod.Get, "/api/training/enrolment/waiting", new[]
        {
            new TeamView
            {
                ApplicationId = team, RoundId = Guid.NewGuid(), RoundName = "Nabór 2026", JstTerc = "1465011", JstName = "Warszawa",
                AcceptedAt = DateTimeOffset.UtcNow, WithdrawnAt = null, CohortId = null, CohortName = null, Participants = [],
            },
            new TeamView
            {
                ApplicationId = other, RoundId = Guid.NewGuid(), RoundName = "Nabór 2026", JstTerc = "0201011", JstName = "Bolesławiec",
                AcceptedAt = DateTimeOffset.UtcNow, WithdrawnAt = null, CohortId = null, CohortName = null, Participants = [],
            },
        });
        _web.Training.Json(HttpMethod.Post, "/api/training/cohorts", new CohortView
        {
            Id = cohort, Name = "Grupa 1", ProgrammeVersion = 1, CreatedAt = DateTimeOffset.UtcNow, Teams = [], Trainers = [], Sessions = [],
        }, HttpStatusCode.Created);
        var browser = _web.Browser(Roles.Operator);

        var response = await WebWithFakeServices.PostFormAsync(browser, "/administracja/szkolenia", "new-cohort",
            ("Cohort.Name", "Grupa 1"), ("Cohort.Teams", team.ToString()),
            ("Cohort.Trainers[0].Email", ""), ("Cohort.Trainers[0].FullName", ""),
            ("Cohort.Trainers[1].Email", "trener@example.pl"), ("Cohort.Trainers[1].FullName", "Tomasz Trener"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/administracja/szkolenia/grupy/{cohort}?utworzono=1", response.Headers.Location?.PathAndQuery);
        var sent = Assert.Single(_web.Training.Sent(HttpMethod.Post, "/api/training/cohorts"));
        Assert.Equal("Grupa 1", sent.GetProperty("name").GetString());
        Assert.Equal([team], sent.GetProperty("applicationIds").EnumerateArray().Select(t => t.GetGuid()));
        var trainer = Assert.Single(sent.GetProperty("trainers").EnumerateArray());
        Assert.Equal("trener@example.pl", trainer.GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_programme_and_the_verification_of_certificates_are_open_to_anyone()
    {
        _web.Training.Json(HttpMethod.Get, "/api/training/programme", Programme(1));
        _web.Training.Json(HttpMethod.Get, "/api/training/public/materials", new[]
        {
            new MaterialView
            {
                Id = Guid.NewGuid(), ModuleCode = "M1", Kind = "file", Title = "Prezentacja", IsPublic = true, Url = null,
                FileName = "prezentacja.pdf", ContentType = "application/pdf", SizeBytes = 2_500_000, Html = null, Markdown = null,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            },
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/public/certificates?number=CRO%2F2026%2F000001",
            new CertificateVerification
            {
                Number = "CRO/2026/000001", Valid = true, IssuedOn = new DateOnly(2026, 6, 30), Programme = "Szkolenie kadr JST",
                ProgrammeVersion = 1, Issuer = "Ośrodek Rozwoju Edukacji", HolderName = null, RevokedOn = null,
            });
        var visitor = _web.Browser();

        var programme = await WebWithFakeServices.PageAsync(await visitor.GetAsync("/szkolenia", TestContext.Current.CancellationToken));
        var verified = await WebWithFakeServices.PageAsync(await visitor.GetAsync("/zaswiadczenia/weryfikacja?numer=CRO/2026/000001", TestContext.Current.CancellationToken));
        var unknown = await WebWithFakeServices.PageAsync(await visitor.GetAsync("/zaswiadczenia/weryfikacja?numer=CRO/2026/999999", TestContext.Current.CancellationToken));

        Assert.Contains("Moduł 1: Przygotowanie diagnozy", programme);
        Assert.DoesNotContain("M1.W1", programme);
        Assert.DoesNotContain("Wersja programu", programme);
        Assert.Contains("<h4>Wiedza</h4>", programme);
        Assert.Contains("(PDF, 2,4 MB)", programme);
        Assert.Contains("Zaświadczenie nr CRO/2026/000001 jest ważne.", verified);
        Assert.Contains("30 czerwca 2026", verified);
        Assert.Contains("nie zgodziła się na pokazywanie imienia i nazwiska", verified);
        // The standard and the keys are a note for technical verifiers, folded away, not part of the answer.
        var note = verified.IndexOf("data-testid=\"technical-note\"", StringComparison.Ordinal);
        Assert.True(note > 0 && verified.IndexOf("Open Badges", StringComparison.Ordinal) > note);
        Assert.DoesNotContain("program w wersji", verified);
        Assert.Contains("Nie znaleziono zaświadczenia o numerze CRO/2026/999999.", unknown);
    }

    [Fact]
    public async Task A_public_materials_file_is_relayed_to_a_visitor_as_the_service_sent_it()
    {
        var material = Guid.NewGuid();
        _web.Training.File($"/api/training/public/materials/{material}/file", "%PDF-1.7"u8.ToArray(), "application/pdf", "lekcja.pdf");

        var response = await _web.Browser().GetAsync(TrainingDownloads.MaterialFilePath(material), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("lekcja.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("%PDF-1.7", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
