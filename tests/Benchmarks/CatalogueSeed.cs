using Cro.Publishing.Features.Practices;
using Cro.Recruitment.Features.Registry;
using Cro.ServiceDefaults.Security;

namespace Cro.Benchmarks;

/// <summary>
/// The catalogue of the search benchmark: good practices of real JST (the TERC register's, one each), written in varied
/// Polish on a dozen themes, each taken through the service's own path to the catalogue (started by the JST's
/// coordinator, submitted, passed on and published by ORE), so the catalogue's rows, search vectors and facets are the
/// service's, not this seed's.
/// </summary>
internal static class CatalogueSeed
{
    private sealed record Theme(string[] Topics, string Subject, string Problem, string Solution, string Effect);

    private static readonly Theme[] Themes =
    [
        new(["infrastructure"], "Światłowód i Wi-Fi w szkołach", "Szkoły na wsiach miały wolne łącza radiowe i lekcje z zasobami online się przerywały.",
            "Gmina doprowadziła światłowód do każdej szkoły i wymieniła punkty dostępowe w salach lekcyjnych.", "Stabilny internet w każdej sali"),
        new(["exclusion", "m2-pupils-exclusion"], "Wypożyczalnia laptopów dla uczniów", "Uczniowie z rodzin o niskich dochodach nie mieli komputera w domu.",
            "Szkoły wypożyczają laptopy i modemy na semestr, a pedagog wskazuje rodziny potrzebujące wsparcia.", "Mniej uczniów wykluczonych cyfrowo"),
        new(["competences", "m3-staff-competences"], "Szkolenia kompetencji cyfrowych nauczycieli", "Nauczyciele nie korzystali z platform edukacyjnych.",
            "Lider cyfrowy w każdej szkole prowadzi warsztaty i konsultacje dla nauczycieli przedmiotów.", "Nauczyciele prowadzą lekcje z technologią"),
        new(["cybersecurity"], "Cyberbezpieczeństwo w oświacie", "Szkoły nie miały polityki haseł ani kopii zapasowych dzienników.",
            "Wspólny zespół informatyków gminy wdrożył kopie zapasowe, uwierzytelnianie dwuskładnikowe i szkolenia z phishingu.", "Brak incydentów utraty danych"),
        new(["management"], "E-dziennik i obieg dokumentów", "Dyrektorzy przesyłali sprawozdania na papierze.",
            "Jednostka obsługi oświaty uruchomiła elektroniczny obieg dokumentów i wspólne raporty z e-dziennika.", "Krótszy czas przygotowania sprawozdań"),
        new(["m1-diagnosis"], "Diagnoza cyfryzacji szkół", "Gmina nie wiedziała, ile sprawnego sprzętu mają szkoły.",
            "Zespół zadaniowy przeprowadził ankiety w szkołach i zinwentaryzował sprzęt komputerowy.", "Rzetelna mapa potrzeb szkół"),
        new(["m4-strategic-plan", "financing"], "Plan cyfryzacji oświaty gminy", "Zakupy sprzętu były przypadkowe i nieplanowane.",
            "Rada przyjęła lokalny plan strategiczny z harmonogramem i źródłami finansowania.", "Zakupy zgodne z planem"),
        new(["m5-participation", "cooperation"], "Konsultacje z rodzicami i uczniami", "Mieszkańcy nie wiedzieli o planach cyfryzacji szkół.",
            "Gmina zorganizowała spotkania z radami rodziców i samorządem uczniowskim oraz ankietę online.", "Plan poparty przez społeczność szkolną"),
        new(["teaching"], "Pracownie robotyki i programowania", "Uczniowie nie mieli zajęć z programowania.",
            "Szkoły urządziły pracownie z zestawami robotów i prowadzą koła programistyczne.", "Uczniowie startują w konkursach informatycznych"),
        new(["exclusion", "cooperation"], "Seniorzy i uczniowie razem w sieci", "Starsi mieszkańcy byli wykluczeni cyfrowo.",
            "Uczniowie uczą seniorów korzystania ze smartfonów i bankowości elektronicznej w bibliotece szkolnej.", "Seniorzy korzystają z e-usług"),
        new(["financing", "infrastructure"], "Tablice interaktywne z funduszy unijnych", "Sale lekcyjne miały przestarzałe projektory.",
            "Gmina pozyskała dofinansowanie z programu unijnego na monitory interaktywne.", "Nowoczesne wyposażenie sal"),
        new(["competences", "teaching"], "Edukacja medialna i bezpieczeństwo w sieci", "Uczniowie padali ofiarą dezinformacji i hejtu.",
            "Nauczyciele prowadzą cykl lekcji o weryfikacji informacji i bezpiecznym korzystaniu z internetu.", "Uczniowie rozpoznają fałszywe informacje"),
    ];

    private static readonly string[] Sources = ["jst-budget", "eu-funds", "state-budget", "grant", "partner"];

    /// <summary>Publishes <paramref name="count"/> practices, one per JST, <paramref name="parallel"/> at a time; returns how long it took.</summary>
    public static async Task<TimeSpan> PublishAsync(Uri address, string ownerConnectionString, int count, int parallel = 16)
    {
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        var jst = (await RegistrySeed.FillAsync(owner, _ => true)).Where(u => u.Kind != "voivodeship").Take(count).ToList();
        var clock = Stopwatch.StartNew();
        using var editor = BearerClient.For(address, TestTokens.Person(Guid.CreateVersion7(), [Roles.Operator], email: "redakcja@ore.example.pl", name: "Redakcja ORE"));
        await Parallel.ForEachAsync(jst.Select((unit, i) => (unit, i)), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, ct) =>
        {
            var (unit, i) = item;
            using var author = BearerClient.For(address, TestTokens.Person(Guid.CreateVersion7(), [Roles.JstCoordinator], jst: unit.Terc,
                email: $"koordynator@{unit.Terc}.jst.example.pl", name: $"Koordynator {unit.Terc}"));
            var created = await author.PostAsJsonAsync("/api/publishing/practices", Template(unit, i), ct);
            var id = (await Succeeded(created).Content.ReadFromJsonAsync<PracticeView>(ct))!.Id;
            Succeeded(await author.PostAsync($"/api/publishing/practices/{id}/submit", null, ct));
            Succeeded(await editor.PostAsJsonAsync($"/api/publishing/practices/{id}/approve", new { }, ct));
            Succeeded(await editor.PostAsJsonAsync($"/api/publishing/practices/{id}/publish", new { }, ct));
        });
        return clock.Elapsed;
    }

    private static HttpResponseMessage Succeeded(HttpResponseMessage response) => response.IsSuccessStatusCode
        ? response
        : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} " +
            response.Content.ReadAsStringAsync().GetAwaiter().GetResult());

    /// <summary>The <paramref name="i"/>-th practice: its theme's texts with the JST's name, costs spread over the ranges.</summary>
    private static PracticeTemplate Template(TercUnit unit, int i)
    {
        var theme = Themes[i % Themes.Length];
        // 0, a few thousand, tens of thousands, hundreds of thousands: every cost range has practices.
        var cost = (i % 7) switch { 0 => 0m, 1 or 2 => 2_000m + i % 8_000, 3 or 4 => 12_000m + i * 7 % 38_000, 5 => 60_000m + i * 13 % 140_000, _ => 250_000m + i % 500_000 };
        return new PracticeTemplate(
            $"{theme.Subject} — {unit.Name}",
            Summary: $"{theme.Solution} Doświadczenia JST {unit.Name}.",
            Problem: theme.Problem,
            Solution: theme.Solution,
            Steps: [new PracticeStep("Diagnoza potrzeb", "Zespół zadaniowy zebrał dane ze szkół."), new PracticeStep("Wdrożenie", theme.Solution)],
            Effects: $"{theme.Effect}; efekty sprawdzone w {2 + i % 9} szkołach.",
            Evidence: [new EffectEvidence(theme.Effect, 2 + i % 9, "szkół")],
            Costs: cost == 0 ? [] : [new CostItem("Zakupy i usługi", cost, Sources[i % Sources.Length])],
            Partners: i % 3 == 0 ? ["Powiatowe centrum doskonalenia nauczycieli"] : [],
            Difficulties: "Krótki czas na przygotowanie i uzgodnienia z dyrektorami szkół.",
            ToRepeat: "Zespół zadaniowy, zgoda dyrektorów i harmonogram na rok szkolny.",
            Contacts: [new PracticeContact($"Koordynator {unit.Terc}", "koordynator zespołu zadaniowego", $"koordynator@{unit.Terc}.jst.example.pl")],
            Topics: theme.Topics, PublishAuthorNames: i % 2 == 0);
    }
}
