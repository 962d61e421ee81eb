namespace Cro.EndToEnd.Tests;

/// <summary>
/// The diagnosis of a JST's schools in a real browser, through the gateway: a JST accepted in recruitment, and an advisor ORE
/// assigns to it; a member of its team confirms the schools list the register brought, opens the baseline diagnosis and issues a
/// director's link for one school; the director, in a fresh browser without an account, fills every section of the school's
/// questionnaire through the link (a device row in the repeat group, the questions a previous answer asks for) and submits it;
/// the team sees that school complete, excuses the other school, fills its own questionnaire, reads the JST picture, writes a
/// finding resting on one of its figures and a recommendation following from it, and submits the diagnosis; the advisor accepts
/// it. The team then starts its strategic plan on the accepted finding: a priority, a goal, an action with its budget over two
/// years and sources; the schedule and the budget table show it; the advisor comments on the action and the team resolves the
/// comment; the team consults the draft (a parent comments through the public link without an account, the team answers), closes
/// the consultation, records the adoption and attaches the council's resolution (PDF), and the resolution log is public with it;
/// the team walks the path from the finding to its priority and back; ORE sees both overviews (with the tile map), writes its
/// conclusions for the ministry and saves the reporting schedule. Last, the team describes a good practice, which goes round
/// the review loop to the public catalogue (<see cref="GoodPracticeReview"/>). Every new page is checked against WCAG 2.1 AA and for anything
/// its Content-Security-Policy refused.
/// </summary>
public sealed class DiagnosisPathTests(PlatformFixture platform, BrowserFixture browser)
{
    // Pęcław (gmina wiejska, dolnośląskie): two schools in the register extract, and a JST no other browser test applies for.
    private const string Terc = "0203052";
    private const string Jst = "Pęcław";
    private const string School = "Szkoła Podstawowa w Białołęce";
    private const string OtherSchool = "Oddział \"0\"";
    private const string AdvisorName = "Dariusz Diagnostyk";
    private const string Figure = "Liczba uczniów na jeden komputer (standard 1 : 6)";

    [Fact]
    public async Task The_team_collects_the_schools_answers_and_submits_the_diagnosis_the_advisor_accepts_it_and_the_team_plans_on_its_finding()
    {
        var advisorEmail = $"diagnosta.{Guid.NewGuid():N}@ore.test";
        var admin = await Invitations.InviteAsync(platform, browser, AdvisorName, advisorEmail, "doradca", null);
        var round = $"Nabór diagnozy {Guid.NewGuid():N}"[..26];
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, round);
        var applied = await PublicApplications.AcceptedAsync(platform, admin, roundId, Terc, Jst);
        var member = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, applied.Emails[0]),
            "pęcławskie pola nad odrą");
        await AdvisorAssignment.RegisterAsync(admin, advisorEmail, AdvisorName, "dolnośląskie");
        await AdvisorAssignment.AssignFromTheSuggestionAsync(admin, roundId, Jst, AdvisorName);

        // The schools register: the extract's schools of the JST, which the team confirms.
        var menu = member.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Szkoły", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("schools")).ToContainTextAsync(School);
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { NameRegex = new("^Potwierdzam listę") }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Potwierdzono listę szkół.");
        await Assertions.Expect(member.GetByTestId("list-confirmation")).ToContainTextAsync("potwierdził(a)");
        await member.GetByRole(AriaRole.Link, new() { Name = School }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Historia zmian" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);

        // The baseline diagnosis, and a director's link for the school.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Diagnoza", Exact = true }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByLabel("diagnoza wyjściowa").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij diagnozę" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Diagnoza wyjściowa");
        var diagnosisPage = member.Url;
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = $"Wydaj łącze: {School}" }).ClickAsync();
        var link = await member.GetByTestId("issued-link").Locator("code").InnerTextAsync();
        Assert.Contains("/diagnoza/ankieta/", link, StringComparison.Ordinal);
        await Accessibility.AssertNoWcagViolationsAsync(member);

        // The director: no account, only the link.
        var director = await browser.NewPageAsync(platform.GatewayAddress);
        await director.GotoAsync(link);
        await Assertions.Expect(director.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(School);
        await Accessibility.AssertNoWcagViolationsAsync(director);
        await FillEverySectionAsync(director, repeatGroupSection: 4);
        await director.GetByRole(AriaRole.Button, new() { Name = "Prześlij kwestionariusz" }).ClickAsync();
        await Assertions.Expect(director.GetByRole(AriaRole.Status)).ToContainTextAsync("Kwestionariusz przesłano");
        await Assertions.Expect(director.GetByTestId("questionnaire-status")).ToContainTextAsync("przesłany");
        await Accessibility.AssertNoWcagViolationsAsync(director);

        // The team sees the school complete.
        await member.GotoAsync(diagnosisPage);
        var row = member.GetByTestId("questionnaires").GetByRole(AriaRole.Row).Filter(new() { HasText = School });
        await Assertions.Expect(row).ToContainTextAsync("przesłany");
        await Assertions.Expect(row).ToContainTextAsync("(100%)");
        await Assertions.Expect(member.GetByText(new System.Text.RegularExpressions.Regex("Przesłane: 1 z \\d+ szkół"))).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);

        await CompleteCollectionAsync(member, diagnosisPage);
        await WriteFindingsAndSubmitAsync(member);

        // The advisor signs in after the assignment, so the JST is in the token; they find the diagnosis and accept it.
        var advisor = await Invitations.AcceptAsync(browser, platform, await Invitations.AcceptLinkAsync(platform, advisorEmail),
            "doradca diagnozy pęcławskiej");
        await advisor.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "Diagnozy JST" }).ClickAsync();
        await advisor.GetByRole(AriaRole.Row).Filter(new() { HasText = Jst }).GetByRole(AriaRole.Link, new() { Name = "diagnoza wyjściowa" }).ClickAsync();
        await advisor.GetByRole(AriaRole.Link, new() { Name = "Ocena doradcy" }).ClickAsync();
        await Assertions.Expect(advisor.GetByTestId("diagnosis-status")).ToContainTextAsync("przesłana do oceny");
        await Accessibility.AssertNoWcagViolationsAsync(advisor);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Zaakceptuj diagnozę" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Zaakceptowano diagnozę.");
        await Assertions.Expect(advisor.GetByTestId("diagnosis-status")).ToContainTextAsync("zaakceptowana");
        await Assertions.Expect(advisor.GetByTestId("review-history")).ToContainTextAsync("zaakceptowano");

        // The team's review page, opened anew (the one on screen answered its submission's post).
        await member.GotoAsync(member.Url);
        await Assertions.Expect(member.GetByTestId("diagnosis-status")).ToContainTextAsync("zaakceptowana");
        await Accessibility.AssertNoWcagViolationsAsync(member);

        await WritePlanAsync(member);
        await CommentAndResolveAsync(advisor, member);
        await ConsultAndAdoptAsync(member, browser, platform);
        await OverviewsAsync(admin);
        await GoodPracticeReview.DescribeReviewAndPublishAsync(member, advisor, admin, await browser.NewPageAsync(platform.GatewayAddress), Jst);
    }

    /// <summary>
    /// The consultation without accounts: the team opens it and shares its public link; a parent, in a fresh browser, comments on
    /// the action with consent; the team answers, closes the consultation, records the council's adoption and attaches its resolution's
    /// PDF; the resolution log is public with the adopted plan and offers the resolution.
    /// </summary>
    private static async Task ConsultAndAdoptAsync(IPage member, BrowserFixture browser, PlatformFixture platform)
    {
        var plan = member.Url.Split('?')[0];
        await member.GetByRole(AriaRole.Link, new() { Name = "Konsultacje projektu planu ze społecznością szkolną" }).ClickAsync();
        var lastDay = PlatformTime.Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await member.GetByLabel("Ostatni dzień konsultacji").FillAsync(lastDay);
        await member.GetByRole(AriaRole.Button, new() { Name = "Otwórz konsultacje" }).ClickAsync();
        var link = await member.GetByTestId("public-link").Locator("code").InnerTextAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);

        var parent = await browser.NewPageAsync(platform.GatewayAddress);
        await parent.GotoAsync(link);
        await parent.GetByLabel("rodzic lub opiekun", new() { Exact = true }).CheckAsync();
        await parent.GetByLabel("Czego dotyczy uwaga?").SelectOptionAsync(new SelectOptionValue { Label = "działanie: Zakup laptopów" });
        await parent.GetByLabel("Twoja uwaga").FillAsync("Prosimy o laptopy także do wypożyczania uczniom do domu.");
        await parent.Locator("#comment-consent").CheckAsync();
        await Accessibility.AssertNoWcagViolationsAsync(parent);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Wyślij uwagę" }).ClickAsync();
        await Assertions.Expect(parent.GetByTestId("comment-received")).ToBeVisibleAsync();

        await member.GotoAsync("/plan/konsultacje");
        var comments = member.GetByTestId("consultation-comments");
        await Assertions.Expect(comments).ToContainTextAsync("wypożyczania uczniom do domu");
        await comments.GetByLabel("uwzględniona częściowo", new() { Exact = true }).CheckAsync();
        await comments.GetByLabel("Uzasadnienie").FillAsync("Wypożyczanie obejmie uczniów bez komputera w domu.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz rozstrzygnięcie" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("consultation-comments")).ToContainTextAsync("Rozstrzygnięcie: uwzględniona częściowo.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zakończ konsultacje" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("consultation-state")).ToContainTextAsync("zakończon");
        await Accessibility.AssertNoWcagViolationsAsync(member);

        await member.GotoAsync(plan);
        await member.GetByLabel("Dzień przyjęcia").FillAsync(PlatformTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await member.GetByLabel("Numer uchwały rady").FillAsync("XV/101/2026");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz przyjęcie planu" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("plan-status")).ToContainTextAsync("przyjęta");
        await Assertions.Expect(member.GetByTestId("plan-reports")).ToContainTextAsync("1.");
        await Accessibility.AssertNoWcagViolationsAsync(member);
        // The council's resolution, as its PDF: the plan names it, and the web relays its download.
        await member.GetByLabel("Plik PDF z uchwałą").SetInputFilesAsync(new FilePayload
        {
            Name = "uchwala-xv-101-2026.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4\n% Uchwała nr XV/101/2026\n%%EOF\n"u8],
        });
        await member.GetByRole(AriaRole.Button, new() { Name = "Dołącz uchwałę" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Dołączono uchwałę rady");
        var download = await member.RunAndWaitForDownloadAsync(() =>
            member.GetByTestId("plan-resolution").GetByRole(AriaRole.Link, new() { Name = "uchwala-xv-101-2026.pdf" }).ClickAsync());
        Assert.Equal("uchwala-xv-101-2026.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF-1.4", await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The path from the diagnosis to results, walked from the finding to its priority and back.
        await member.GetByRole(AriaRole.Link, new() { NameRegex = new("^Od diagnozy do rezultatów") }).ClickAsync();
        var findings = member.GetByRole(AriaRole.Region, new() { Name = "Ustalenia diagnozy" });
        await findings.GetByRole(AriaRole.Link, new() { Name = "Sprzęt dla uczniów" }).ClickAsync();
        var priorities = member.GetByRole(AriaRole.Region, new() { Name = "Priorytety", Exact = true });
        await priorities.GetByRole(AriaRole.Link, new() { Name = "Za mało komputerów dla uczniów" }).ClickAsync();
        await Assertions.Expect(member).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sciezka#item-[0-9a-f]{32}$"));
        await Accessibility.AssertNoWcagViolationsAsync(member);

        // The resolution log, public: no account needed.
        await parent.GotoAsync($"/plany/{Terc}/konsultacje");
        await Assertions.Expect(parent.GetByTestId("published-comment")).ToContainTextAsync("Wypożyczanie obejmie uczniów bez komputera w domu.");
        await Assertions.Expect(parent.GetByTestId("published-adoptions").GetByRole(AriaRole.Link, new() { Name = "uchwala-xv-101-2026.pdf" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(parent);
    }

    /// <summary>ORE's overviews: the diagnoses' progress, and the plans' states with conclusions written for the ministry.</summary>
    private static async Task OverviewsAsync(IPage admin)
    {
        var menu = admin.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Przegląd diagnoz" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("diagnosis-progress")).ToContainTextAsync("diagnoza wyjściowa");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await menu.GetByRole(AriaRole.Link, new() { Name = "Przegląd planów" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("plan-states").GetByRole(AriaRole.Row).Filter(new() { HasText = "dolnośląskie" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.List, new() { Name = "Odsetek JST z przyjętym planem według województw" }))
            .ToContainTextAsync("dolnośląskie");
        await Assertions.Expect(admin.GetByTestId("implementation")).ToContainTextAsync("Polska");
        await admin.GetByLabel("Okres").FillAsync("2026-Q4");
        await admin.GetByLabel("Wnioski", new() { Exact = true }).FillAsync("JST piszą plany na podstawie przyjętych diagnoz.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz wnioski" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano wnioski za okres 2026-Q4.");
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Raport 2026-Q4 (PDF)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Sprawozdania po terminie" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("overdue-reports")).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GotoAsync("/plany/harmonogram-sprawozdan");
        await Assertions.Expect(admin.GetByTestId("schedule-in-words")).ToContainTextAsync("4 × 3 mies. w czasie projektu");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zapisz harmonogram" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano harmonogram");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
    }

    /// <summary>The plan on the accepted finding: a priority, its goal, an action with budget lines over two years and sources.</summary>
    private static async Task WritePlanAsync(IPage member)
    {
        await member.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "Plan", Exact = true }).ClickAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = "Rozpocznij plan" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("plan-status")).ToContainTextAsync("wersja 1 (w przygotowaniu)");

        await member.GetByRole(AriaRole.Link, new() { Name = "Dodaj priorytet" }).ClickAsync();
        await member.GetByLabel("Tytuł priorytetu").FillAsync("Sprzęt dla uczniów");
        await member.GetByLabel("Za mało komputerów dla uczniów", new() { Exact = true }).CheckAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz priorytet" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano plan.");

        await member.GetByRole(AriaRole.Link, new() { Name = "Dodaj cel" }).ClickAsync();
        await member.GetByLabel("Cel", new() { Exact = true }).FillAsync("Mniej uczniów na komputer");
        await member.GetByLabel("Wskaźnik", new() { Exact = true }).FillAsync("figure:pupils_per_computer");
        await member.GetByLabel("Jednostka").FillAsync("uczniów");
        await member.GetByLabel("Wartość bazowa (z diagnozy)").FillAsync("9,5");
        await member.GetByLabel("Wartość docelowa").FillAsync("6");
        await member.GetByLabel("Termin osiągnięcia").FillAsync("2027-06-30");
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz cel" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano plan.");

        // The lines first do not add up to the total: the service says so beside the budget, and nothing is saved.
        await member.GetByRole(AriaRole.Link, new() { Name = "Dodaj działanie" }).ClickAsync();
        await member.GetByLabel("Działanie", new() { Exact = true }).FillAsync("Zakup laptopów");
        await member.GetByLabel("Odpowiedzialny").FillAsync("Referat Oświaty");
        await member.GetByLabel("Mniej uczniów na komputer", new() { Exact = true }).CheckAsync();
        await member.GetByLabel("Początek").FillAsync("2026-09-01");
        await member.GetByLabel("Koniec").FillAsync("2027-06-30");
        await member.GetByLabel("Budżet całkowity (zł)").FillAsync("150000");
        await member.GetByLabel("Rok, pozycja 1", new() { Exact = true }).FillAsync("2026");
        await member.GetByLabel("Źródło, pozycja 1", new() { Exact = true }).SelectOptionAsync("fers");
        await member.GetByLabel("Kwota, pozycja 1", new() { Exact = true }).FillAsync("100000");
        await member.GetByLabel("Rok, pozycja 2", new() { Exact = true }).FillAsync("2027");
        await member.GetByLabel("Źródło, pozycja 2", new() { Exact = true }).SelectOptionAsync("jst");
        await member.GetByLabel("Kwota, pozycja 2", new() { Exact = true }).FillAsync("40000");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz działanie" }).ClickAsync();
        await Assertions.Expect(member.GetByText("sumują się do 140000 zł, a budżet całkowity to 150000 zł").First).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(member);
        await member.GetByLabel("Kwota, pozycja 2", new() { Exact = true }).FillAsync("50000");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz działanie" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano plan.");

        await Assertions.Expect(member.GetByTestId("plan-priorities")).ToContainTextAsync("Za mało komputerów dla uczniów");
        await Assertions.Expect(member.GetByTestId("plan-schedule")).ToContainTextAsync("Zakup laptopów");
        var budget = member.GetByTestId("plan-budget");
        await Assertions.Expect(budget.GetByRole(AriaRole.Row).Filter(new() { HasText = "FERS" })).ToContainTextAsync("100 000 zł");
        await Assertions.Expect(budget.Locator("tfoot")).ToContainTextAsync("150 000 zł");
        await Accessibility.AssertNoWcagViolationsAsync(member);
    }

    /// <summary>The advisor comments on the action; the team resolves the comment.</summary>
    private static async Task CommentAndResolveAsync(IPage advisor, IPage member)
    {
        await advisor.GetByRole(AriaRole.Navigation, new() { Name = "Menu główne" }).GetByRole(AriaRole.Link, new() { Name = "Plany JST" }).ClickAsync();
        await advisor.GetByTestId("plans").GetByRole(AriaRole.Link, new() { Name = Jst }).ClickAsync();
        await advisor.GetByLabel("Czego dotyczy").SelectOptionAsync(new SelectOptionValue { Label = "działania: Zakup laptopów" });
        await advisor.GetByLabel("Uwaga", new() { Exact = true }).FillAsync("Dodajcie szkolenie nauczycieli z pracy z laptopami.");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Zapisz uwagę" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano uwagę do planu.");
        await Accessibility.AssertNoWcagViolationsAsync(advisor);

        await member.GotoAsync(member.Url.Split('?')[0]);
        await member.GetByLabel("Rozstrzygnięcie: Do pozycji: Zakup laptopów").FillAsync("Dodano szkolenie do działania.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zapisz rozstrzygnięcie" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("plan-comments")).ToContainTextAsync("Rozstrzygnięcie: Dodano szkolenie do działania.");
        await Accessibility.AssertNoWcagViolationsAsync(member);
    }

    /// <summary>The team excuses the school that will not answer and fills in and submits its own questionnaire.</summary>
    private static async Task CompleteCollectionAsync(IPage member, string diagnosisPage)
    {
        await member.GetByRole(AriaRole.Link, new() { Name = $"Wypełnij: {OtherSchool}" }).ClickAsync();
        await member.GetByLabel("Powód zwolnienia").FillAsync("Oddział przedszkolny: dane podaje szkoła podstawowa.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Zwolnij szkołę z diagnozy" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("excused")).ToContainTextAsync("Oddział przedszkolny");
        await Accessibility.AssertNoWcagViolationsAsync(member);

        await member.GotoAsync(diagnosisPage);
        await member.GetByRole(AriaRole.Link, new() { Name = "Wypełnij: Kwestionariusz zespołu JST" }).ClickAsync();
        await FillEverySectionAsync(member, repeatGroupSection: null);
        await member.GetByRole(AriaRole.Button, new() { Name = "Prześlij kwestionariusz" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Kwestionariusz przesłano");
    }

    /// <summary>
    /// The JST picture from the director's answers; a finding resting on one of its figures and a recommendation following from it;
    /// the diagnosis submitted to the advisor.
    /// </summary>
    private static async Task WriteFindingsAndSubmitAsync(IPage member)
    {
        await member.GetByRole(AriaRole.Link, new() { Name = "Wróć do diagnozy" }).ClickAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "Obraz JST" }).ClickAsync();
        var row = member.GetByTestId("figures").GetByRole(AriaRole.Row).Filter(new() { HasText = Figure });
        await Assertions.Expect(row).ToContainTextAsync("uczniów");
        await Accessibility.AssertNoWcagViolationsAsync(member);

        await member.GetByRole(AriaRole.Link, new() { Name = "Ustalenia i rekomendacje" }).ClickAsync();
        await member.GetByLabel("Tytuł ustalenia").FillAsync("Za mało komputerów dla uczniów");
        await member.GetByLabel("Treść ustalenia").FillAsync("Na jeden komputer dostępny uczniom przypada więcej uczniów, niż zakłada standard.");
        await member.GetByLabel("wysoki", new() { Exact = true }).CheckAsync();
        await member.GetByLabel(Figure, new() { Exact = true }).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Dodaj ustalenie" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano.");
        await Assertions.Expect(member.GetByTestId("findings")).ToContainTextAsync(Figure);
        await member.GetByLabel("Tytuł rekomendacji").FillAsync("Zakup laptopów do pracowni mobilnej");
        await member.GetByLabel("Treść rekomendacji").FillAsync("W planie ująć pracownię mobilną w każdej szkole podstawowej.");
        await member.GetByLabel("Za mało komputerów dla uczniów", new() { Exact = true }).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Dodaj rekomendację" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("recommendations")).ToContainTextAsync("Zakup laptopów do pracowni mobilnej");
        await Accessibility.AssertNoWcagViolationsAsync(member);

        await member.GetByRole(AriaRole.Link, new() { Name = "Ocena doradcy" }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Prześlij diagnozę do oceny" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Przesłano diagnozę do oceny doradcy.");
        await Assertions.Expect(member.GetByTestId("diagnosis-status")).ToContainTextAsync("przesłana do oceny");
        await Accessibility.AssertNoWcagViolationsAsync(member);
    }

    /// <summary>
    /// Answers every question of every section with its first option, a scale's 1 or the number 1 (which keeps every consistency
    /// rule), saving twice a section: the second time for the questions the first answers asked for, and the row a repeat group
    /// (in the section numbered <paramref name="repeatGroupSection"/> from 0) added.
    /// </summary>
    private static async Task FillEverySectionAsync(IPage director, int? repeatGroupSection)
    {
        var sections = director.GetByRole(AriaRole.Navigation, new() { Name = "Części kwestionariusza" }).GetByRole(AriaRole.Link);
        var count = await sections.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await sections.Nth(i).ClickAsync();
            for (var pass = 0; pass < 2; pass++)
            {
                await AnswerShownQuestionsAsync(director);
                await director.GetByRole(AriaRole.Button, new() { Name = "Zapisz", Exact = true }).ClickAsync();
                await Assertions.Expect(director.GetByRole(AriaRole.Status)).ToContainTextAsync("Zapisano odpowiedzi.");
            }
            if (i == repeatGroupSection)
            {
                await Assertions.Expect(director.GetByTestId("devices-row").First).ToContainTextAsync("Wiersz 1");
                await Accessibility.AssertNoWcagViolationsAsync(director);
            }
        }
        await Assertions.Expect(director.GetByText("Wszystkie wymagane odpowiedzi są zapisane.")).ToBeVisibleAsync();
    }

    private static async Task AnswerShownQuestionsAsync(IPage director)
    {
        foreach (var choices in await director.Locator("form.questionnaire fieldset.choices").AllAsync())
        {
            if (await choices.Locator("input:checked").CountAsync() == 0)
            {
                await choices.Locator("input").First.CheckAsync();
            }
        }
        foreach (var number in await director.Locator("form.questionnaire .number-input input").AllAsync())
        {
            if (await number.InputValueAsync() is "")
            {
                await number.FillAsync("1");
            }
        }
    }
}
