using Cro.ServiceDefaults.Security;

namespace Cro.Web.Tests.Monitoring;

/// <summary>
/// The ESF+ pages against a fake monitoring: the participant's form (why, the refuse option, what it sends, its refusal beside
/// the field, and no sensitive answer shown back), ORE's completeness list and reopening, and the ESF+ data role's SM EFS page
/// with its relayed files, closed to operators.
/// </summary>
public sealed class ParticipantPagesTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Api = "/api/monitoring";
    private static readonly Guid MemberId = Guid.NewGuid();

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static object Mine(bool submitted) => new
    {
        memberId = MemberId, fullName = "Anna Testowa", jstTerc = "0201032", jstName = "Gromadka", submitted, canSubmit = !submitted,
        submittedAt = submitted ? "2026-03-02T10:00:00Z" : null, sex = submitted ? "woman" : null, suggestedSex = "woman", age = submitted ? 42 : (int?)null,
        peselGiven = submitted, noPesel = submitted ? false : (bool?)null, education = submitted ? "isced-5-8" : null,
        labourStatus = submitted ? "employed-local-government" : null, specialCategoriesGiven = submitted, supportStart = submitted ? "2026-03-02" : null,
        supportEnd = (string?)null,
        missing = submitted ? Array.Empty<object>() : new object[] { new { field = "sex", label = "płeć" } },
    };

    private static object Zofia => new
    {
        memberId = MemberId, fullName = "Zofia Gotowa", jstTerc = "0201032", jstName = "Gromadka", erased = false, submittedAt = "2026-03-02T10:00:00Z",
        reopenedAt = (string?)null, sex = "woman", age = 42, peselGiven = true, noPesel = false, education = "isced-5-8",
        labourStatus = "employed-local-government", specialCategoriesGiven = true, supportStart = "2026-03-02", supportStartSetByOre = false,
        supportEnd = (string?)null, supportForm = "training", missing = Array.Empty<object>(),
    };

    private static (string, string)[] Answers(string education = "isced-5-8") =>
    [
        ("Form.Sex", "woman"), ("Form.Age", "42"), ("Form.Pesel", ""), ("Form.NoPesel", "true"), ("Form.Education", education),
        ("Form.LabourStatus", "employed-local-government"), ("Form.Disability", "no"), ("Form.ForeignOrigin", "no"),
        ("Form.ThirdCountryNational", "no"), ("Form.Minority", "refused"), ("Form.Homelessness", "no"),
    ];

    [Fact]
    public async Task The_participant_reads_why_fills_the_form_with_refusals_and_sees_no_sensitive_answer_back()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/me/esf-participant", Mine(submitted: false));
        _web.Monitoring.Json(HttpMethod.Put, $"{Api}/me/esf-participant", Mine(submitted: true));
        var browser = _web.Browser(Roles.JstMember);

        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync("/moj-zespol/dane-uczestnika", Ct));
        Assert.Contains("Dane uczestnika projektu (EFS+)", form);
        Assert.Contains("Dlaczego prosimy o te dane", form);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(form, "odmawiam podania informacji</label>").Count);
        Assert.Contains("id=\"esf-sex-woman\" name=\"Form.Sex\" value=\"woman\" checked", form);

        var sent = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/moj-zespol/dane-uczestnika", "participant", Answers()));

        var body = Assert.Single(_web.Monitoring.Sent(HttpMethod.Put, $"{Api}/me/esf-participant"));
        Assert.Equal((42, true, "isced-5-8", "refused", System.Text.Json.JsonValueKind.Null),
            (body.GetProperty("age").GetInt32(), body.GetProperty("noPesel").GetBoolean(), body.GetProperty("education").GetString(),
             body.GetProperty("minority").GetString(), body.GetProperty("pesel").ValueKind));
        Assert.Contains("Formularz jest wypełniony", sent);
        Assert.Contains("zapisane (nie pokazujemy ich tutaj)", sent);
        Assert.DoesNotContain("odmawiam podania informacji</label>", sent);
    }

    [Fact]
    public async Task A_refused_answer_is_shown_beside_its_field_and_someone_outside_a_team_is_told_so()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/me/esf-participant", Mine(submitted: false));
        _web.Monitoring.Problem(HttpMethod.Put, $"{Api}/me/esf-participant", HttpStatusCode.BadRequest,
            new { title = "Dane wejściowe są nieprawidłowe.", status = 400, errors = new { education = new[] { "Nieznany poziom wykształcenia." } } });
        var browser = _web.Browser(Roles.JstMember);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/moj-zespol/dane-uczestnika", "participant",
            Answers(education: "isced-9")));

        Assert.Contains("Nie zapisano danych", page);
        Assert.Contains("#esf-education-isced-0\">Nieznany poziom wykształcenia.</a>", page);

        using var other = new WebWithFakeServices();
        var outside = await WebWithFakeServices.PageAsync(await other.Browser(Roles.JstMember).GetAsync("/moj-zespol/dane-uczestnika", Ct));
        Assert.Contains("Nie ma Cię w zespole zadaniowym przyjętej JST", outside);
    }

    [Fact]
    public async Task ORE_sees_what_each_participant_lacks_per_JST_and_reopens_a_form()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/participants/completeness", new
        {
            people = 3, complete = 1, incomplete = 2,
            jst = new[]
            {
                new
                {
                    terc = "0201032", name = "Gromadka", people = 3, complete = 1,
                    incomplete = new object[]
                    {
                        new { memberId = Guid.NewGuid(), fullName = "Piotr Bezformularza", started = true, formSubmitted = false,
                            missing = new[] { new { field = "education", label = "wykształcenie" }, new { field = "specialCategories", label = "odpowiedzi o sytuacji społecznej" } } },
                        new { memberId = Guid.NewGuid(), fullName = "Maria Niezaczęta", started = false, formSubmitted = true,
                            missing = new[] { new { field = "supportStart", label = "data rozpoczęcia wsparcia (pierwsze zajęcia)" } } },
                    },
                },
            },
        });
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/participants", new[] { Zofia });
        _web.Monitoring.Json(HttpMethod.Post, $"{Api}/participants/{MemberId}/reopen", new { }, HttpStatusCode.NoContent);
        var browser = _web.Browser(Roles.Operator);

        var page = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja/uczestnicy", Ct));
        Assert.Contains("z kompletnymi danymi: 1; z brakami: 2", page);
        Assert.Contains("<strong>Piotr Bezformularza</strong>: brakuje wykształcenie, odpowiedzi o sytuacji społecznej (formularz niewypełniony)", page);
        Assert.Contains("<strong>Maria Niezaczęta</strong>: brakuje data rozpoczęcia wsparcia (pierwsze zajęcia)", page);
        Assert.Contains("wyższe: licencjat", page);
        Assert.DoesNotContain("/administracja/uczestnicy/sm-efs\"", page);

        var reopened = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/administracja/uczestnicy", $"reopen-{MemberId}"));
        Assert.Single(_web.Monitoring.Requests, r => r.Method == "POST" && r.Path == $"{Api}/participants/{MemberId}/reopen");
        Assert.Contains("Zofia Gotowa — otwarty ponownie", reopened);
    }

    [Fact]
    public async Task ORE_sets_the_end_and_form_of_support_and_a_refusal_is_shown()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/participants", new[] { Zofia });
        _web.Monitoring.Problem(HttpMethod.Put, $"{Api}/participants/{MemberId}/support", HttpStatusCode.BadRequest,
            new { title = "Dane wejściowe są nieprawidłowe.", status = 400, errors = new { endOn = new[] { "Wsparcie tej osoby zaczęło się 2026-03-02; nie może się skończyć wcześniej." } } });
        var browser = _web.Browser(Roles.Operator);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/administracja/uczestnicy", $"support-{MemberId}",
            ("startOn", ""), ("endOn", "2026-01-31"), ("supportForm", "training-and-advisory")));

        var sent = Assert.Single(_web.Monitoring.Sent(HttpMethod.Put, $"{Api}/participants/{MemberId}/support"));
        Assert.Equal((System.Text.Json.JsonValueKind.Null, "2026-01-31", "training-and-advisory"),
            (sent.GetProperty("startOn").ValueKind, sent.GetProperty("endOn").GetString(), sent.GetProperty("supportForm").GetString()));
        Assert.Contains("Nie zapisano wsparcia:", page);
        Assert.Contains("nie może się skończyć wcześniej", page);
        Assert.Contains($"for=\"end-{MemberId}\"", page);
    }

    [Fact]
    public async Task The_ESF_data_role_sees_the_check_and_downloads_the_files_operators_get_neither()
    {
        _web.Monitoring.Json(HttpMethod.Get, $"{Api}/sm-efs/validation", new
        {
            participantsValid = 1, participantsInvalid = 1, institutionsValid = 0, institutionsInvalid = 1,
            participants = new object[]
            {
                new { memberId = Guid.NewGuid(), fullName = "Anna Kowalska", jstTerc = "0201032", ok = true, violations = Array.Empty<object>() },
                new { memberId = Guid.NewGuid(), fullName = "Jan Bezformularza", jstTerc = "0201032", ok = false,
                    violations = new[] { new { column = "Wykształcenie", message = "brak wymaganej wartości" } } },
            },
            institutions = new[] { new { terc = "0201032", name = "Gromadka", ok = false, violations = new[] { new { column = "NIP", message = "brak wymaganej wartości" } } } },
            participantColumns = Array.Empty<object>(), institutionColumns = Array.Empty<object>(),
        });
        _web.Monitoring.File($"{Api}/sm-efs/participants.csv", [1, 2, 3], "text/csv", "sm-efs-uczestnicy-20261207.csv");
        var esf = _web.Browser(Roles.EsfData);

        var page = await WebWithFakeServices.PageAsync(await esf.GetAsync("/administracja/uczestnicy/sm-efs", Ct));
        Assert.Contains("Uczestnicy: poprawnych 1, z błędami 1.", page);
        Assert.Contains("<strong>Wykształcenie</strong>: brak wymaganej wartości", page);
        Assert.Contains("<strong>NIP</strong>: brak wymaganej wartości", page);
        Assert.Contains("href=\"/administracja/uczestnicy/sm-efs/uczestnicy.xlsx\"", page);

        var file = await esf.GetAsync("/administracja/uczestnicy/sm-efs/uczestnicy.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("sm-efs-uczestnicy-20261207.csv", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", file.Headers.CacheControl?.ToString());

        var operatorBrowser = _web.Browser(Roles.Operator, Roles.Admin);
        Assert.NotEqual(HttpStatusCode.OK, (await operatorBrowser.GetAsync("/administracja/uczestnicy/sm-efs", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await operatorBrowser.GetAsync("/administracja/uczestnicy/sm-efs/uczestnicy.csv", Ct)).StatusCode);
        // The operator's attempts never reached monitoring: the one relayed file is the ESF+ data role's.
        Assert.Single(_web.Monitoring.Requests, r => r.Path == $"{Api}/sm-efs/participants.csv");
    }
}
