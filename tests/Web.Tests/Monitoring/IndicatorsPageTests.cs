using Cro.ServiceDefaults.Security;

namespace Cro.Web.Tests.Monitoring;

/// <summary>
/// ORE's indicators page against fake services (recruitment down: the page stands without its rounds): every figure with the rule beside it (from monitoring's definitions), and
/// the exchange of experience counted for the whole programme: whom the conferences reached and the practices published.
/// </summary>
public sealed class IndicatorsPageTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static object Definition(string code, string kind, string rule) => new
    {
        code, version = 1, kind, unit = "people", namePl = code, nameEn = code, rulePl = rule, ruleEn = rule, seedWording = (string?)null,
        esfDefinition = (string?)null, bySex = true, targetTotal = (int?)null, targetWomen = (int?)null, targetMen = (int?)null, validFrom = "2023-04-01",
    };

    private static object People(int women, int men, int nonBinary = 0) => new { total = women + men + nonBinary, women, men, nonBinary, undisclosed = 0 };

    [Fact]
    public async Task Every_figure_has_its_rule_beside_it_and_the_conferences_and_practices_are_counted()
    {
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/indicators", new { roundId = (Guid?)null, peopleSupported = People(3, 1), competencesRaised = People(2, 1), jstSupported = 2 });
        var none = new { jstCovered = 0, meetingsHeld = 0, hoursHeld = 0.0, meetingsHeldByStage = new { }, dialogueMeetingsHeld = new { }, stakeholdersPresent = new { } };
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/advisory", new { jstCovered = new { name = "JST objęte", target = 50, value = 0 }, overall = none, rounds = Array.Empty<object>() });
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/indicator-definitions", new[]
        {
            Definition("people-supported", "output", "Obecna na co najmniej jednych zajęciach."),
            Definition("competences-raised", "result", "Post-test wyższy niż pre-test."),
            Definition("jst-advised", "result", "Co najmniej jedno spotkanie odbyte."),
            Definition("conference-participants", "figure", "Odnotowani przy wejściu, każdy raz."),
            Definition("conference-jst-reached", "figure", "JST z co najmniej jedną osobą odnotowaną."),
            Definition("practices-published", "figure", "Praktyki w katalogu teraz."),
        });
        var figures = new
        {
            people = People(5, 2, 1), peopleFromJst = 6, peopleFromOtherInstitutions = 2, jstReached = 4, jstInProgramme = 3, jstOutsideProgramme = 1,
            jstReachedByKind = new[] { new { kind = "rural-municipality", total = 4, inProgramme = 3, outsideProgramme = 1 } },
        };
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/conferences", new
        {
            overall = figures,
            conferences = new[] { new { conferenceId = Guid.NewGuid(), title = "Konferencja I", startsAt = DateTimeOffset.UtcNow.AddDays(-30), daysWithAttendance = 2, figures } },
        });
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/practices-summary", new
        {
            practices = 7, jst = 5, byTopic = new[] { new { topic = "exclusion", practices = 4 } },
            byJstKind = new[] { new { jstKind = "rural-municipality", practices = 7, jst = 5 } }, byJst = Array.Empty<object>(),
        });
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/template", Publishing.CataloguePageTests.Template);

        var html = await WebWithFakeServices.PageAsync(await _web.Browser(Roles.Operator).GetAsync("/administracja/wskazniki", Ct));

        foreach (var rule in new[] { "Obecna na co najmniej jednych zajęciach.", "Post-test wyższy niż pre-test.", "Co najmniej jedno spotkanie odbyte.",
                     "Odnotowani przy wejściu, każdy raz.", "JST z co najmniej jedną osobą odnotowaną.", "Praktyki w katalogu teraz." })
        {
            Assert.Contains($"Jak liczymy: {rule}", html);
        }
        Assert.Contains("Uczestnicy: 8 (kobiety: 5, mężczyźni: 2, osoby niebinarne i nie podające płci: 1); z JST: 6, z innych instytucji: 2.", html);
        Assert.Contains("JST, do których dotarły konferencje: 4 (w programie: 3, spoza programu: 1)", html);
        Assert.Matches("<th scope=\"row\">gmina wiejska</th><td>4</td><td>3</td><td>1</td>", html);
        Assert.Contains("Praktyk w katalogu: 7, z 5 JST.", html);
        Assert.Contains("<th scope=\"row\">Wykluczenie cyfrowe</th><td>4</td>", html);
    }
}
