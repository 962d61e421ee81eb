using System.Text.RegularExpressions;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Tests.Publishing;

/// <summary>
/// The public conference pages against a fake publishing service, without an account: the list and a conference's page with
/// its agenda; the registration form's JST search, the body it posts and what it says after; a refusal beside its field with
/// what was typed kept; the participant's page, whose actions are buttons that post (confirm, accept or decline a place,
/// consents); and the verification of attendance certificates.
/// </summary>
public sealed partial class ConferencePublicPageTests : IDisposable
{
    private const string Token = "tok_0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Version = "2026-12-07";
    private static readonly Guid ConferenceId = Guid.NewGuid(), OtherId = Guid.NewGuid(), PlenaryId = Guid.NewGuid(), WorkshopId = Guid.NewGuid(),
        RegistrationId = Guid.NewGuid();
    // 10:00 in Warsaw (summer time) on 12 May 2026.
    private static readonly DateTimeOffset Starts = new(2026, 5, 12, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public ConferencePublicPageTests() => _web.Publishing.Json(HttpMethod.Get, $"/api/publishing/public/conferences/{ConferenceId}", Conference());

    public void Dispose() => _web.Dispose();

    private static string ConferencePath => $"/konferencje/{ConferenceId}";

    private static string RegistrationApi => $"/api/publishing/public/conference-registrations/{Token}";

    private static PublicConference Conference(int placesLeft = 12, string registration = "open") => new()
    {
        Id = ConferenceId, Title = "Cyfrowa szkoła w gminie", Description = "Konferencja o cyfryzacji szkół.\nDla samorządów i dyrektorów.",
        StartsAt = Starts, EndsAt = Starts.AddHours(6), Days = [new DateOnly(2026, 5, 12)], Place = "Warszawa, ul. Polna 1", IsOnline = true, Capacity = 120,
        PlacesLeft = placesLeft, Waitlisted = placesLeft == 0 ? 4 : 0, Registration = registration, RegistrationOpensAt = Starts.AddDays(-40),
        RegistrationClosesAt = Starts.AddDays(-2),
        Sessions =
        [
            new ConferenceSession { Id = PlenaryId, Ordinal = 1, Title = "Otwarcie i diagnoza stanu cyfryzacji", Description = "Wyniki diagnoz pilotażu.",
                StartsAt = Starts, EndsAt = Starts.AddMinutes(90), Room = "Sala A", Capacity = null, SeatsLeft = null,
                Speakers = [new ConferenceSpeaker { FullName = "Ewa Mówczyńska", Affiliation = "ORE" }] },
            new ConferenceSession { Id = WorkshopId, Ordinal = 2, Title = "Warsztat: plan cyfryzacji", Description = null,
                StartsAt = Starts.AddHours(2), EndsAt = Starts.AddHours(3.5), Room = "Sala 12", Capacity = 20, SeatsLeft = 3,
                Speakers = [new ConferenceSpeaker { FullName = "Jan Warsztatowy", Affiliation = null }] },
        ],
        Consents =
        [
            new ConferenceConsentText { Kind = "processing", Version = Version, Required = true, Text = "Zgadzam się na przetwarzanie moich danych." },
            new ConferenceConsentText { Kind = "image", Version = Version, Required = false, Text = "Zgadzam się na utrwalenie wizerunku." },
            new ConferenceConsentText { Kind = "participant-list", Version = Version, Required = false, Text = "Zgadzam się na listę uczestników." },
        ],
        Needs =
        [
            new ConferenceNeedOption { Code = "sign-language-interpreter", Label = "tłumacz polskiego języka migowego (PJM)" },
            new ConferenceNeedOption { Code = "step-free-access", Label = "dostęp bez barier architektonicznych (bez schodów)" },
            new ConferenceNeedOption { Code = "diet", Label = "dieta" },
        ],
        SexCategories = ["woman", "man", "non-binary", "undisclosed"],
    };

    private static ConferenceParticipantRegistration Registration(string status, bool addressConfirmed = false, DateTimeOffset? offerExpiresAt = null,
        IReadOnlyList<ConferenceConsent>? consents = null) => new()
    {
        Id = RegistrationId, Status = status, StatusLabel = status switch
        {
            "pending" => "miejsce czeka na potwierdzenie adresu",
            "confirmed" => "potwierdzone",
            "offered" => "zaproponowano zwolnione miejsce",
            "declined" => "odrzucono zaproponowane miejsce",
            _ => status,
        },
        AddressConfirmed = addressConfirmed, ConfirmBy = Starts.AddDays(-20), WaitlistPosition = null, OfferExpiresAt = offerExpiresAt,
        Conference = new ConferenceParticipantConference { Id = ConferenceId, Title = "Cyfrowa szkoła w gminie", StartsAt = Starts, EndsAt = Starts.AddHours(6),
            Place = "Warszawa, ul. Polna 1", OnlineUrl = null },
        FullName = "Anna Nowak", Email = "anna@example.pl", Sex = "woman", InstitutionKind = "jst", JstTerc = "1206011", JstName = "Gromadka",
        InstitutionName = null, Role = "sekretarz gminy", Needs = ["diet"], Diet = "wegetariańska", NeedsNote = null,
        Consents = consents ?? [new ConferenceConsent { Kind = "processing", Version = Version, GivenAt = Starts.AddDays(-21), WithdrawnAt = null }],
        SessionIds = [], Attendance = [], Certificate = null, TicketAvailable = status == "confirmed", CertificateAvailable = false,
        RegisteredAt = Starts.AddDays(-21), ConfirmedAt = addressConfirmed ? Starts.AddDays(-20) : null, OfferedAt = offerExpiresAt?.AddHours(-48),
        EndedAt = null, ErasedAt = null,
    };

    [Fact]
    public async Task The_list_shows_each_published_conference_in_warsaw_time_with_places_and_registration_and_the_menu_leads_to_it()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/public/conferences", new[]
        {
            new PublicConferenceSummary { Id = ConferenceId, Title = "Cyfrowa szkoła w gminie", StartsAt = Starts, EndsAt = Starts.AddHours(6),
                Place = "Warszawa, ul. Polna 1", IsOnline = true, PlacesLeft = 12, Registration = "open", RegistrationClosesAt = Starts.AddDays(-2) },
            new PublicConferenceSummary { Id = OtherId, Title = "Wykluczenie cyfrowe uczniów", StartsAt = Starts.AddDays(30), EndsAt = Starts.AddDays(31),
                Place = null, IsOnline = true, PlacesLeft = 0, Registration = "closed", RegistrationClosesAt = Starts.AddDays(20) },
        });

        var html = await WebWithFakeServices.PageAsync(await _web.Browser().GetAsync("/konferencje", Ct));

        Assert.Contains($"href=\"/konferencje/{ConferenceId}\"", html);
        Assert.Contains("Cyfrowa szkoła w gminie", html);
        Assert.Contains("12 maja 2026, 10:00–16:00", html);
        Assert.Contains("Warszawa, ul. Polna 1 oraz online", html);
        Assert.Contains("wolnych miejsc: 12", html);
        Assert.Contains("zapisy otwarte, do 10 maja 2026, 10:00", html);
        Assert.Contains($"href=\"/konferencje/{ConferenceId}#zgloszenie\"", html);
        Assert.Contains("Wykluczenie cyfrowe uczniów", html);
        Assert.Contains("11 czerwca 2026, 10:00 – 12 czerwca 2026, 10:00", html);
        Assert.Contains("brak wolnych miejsc — nowe zgłoszenia trafiają na listę oczekujących", html);
        Assert.Contains("zapisy zamknięte", html);
        Assert.DoesNotContain($"href=\"/konferencje/{OtherId}#zgloszenie\"", html);
        Assert.Matches("<a href=\"/konferencje\"[^>]*>Konferencje</a>", html);
        Assert.Contains("href=\"/konferencje/zaswiadczenia/weryfikacja\"", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task A_conference_page_shows_the_agenda_the_form_with_the_api_consents_and_relays_the_calendar()
    {
        _web.Publishing.File($"/api/publishing/public/conferences/{ConferenceId}/calendar", "BEGIN:VCALENDAR"u8.ToArray(), "text/calendar", "konferencja.ics");
        var browser = _web.Browser();

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync(ConferencePath, Ct));

        Assert.Contains("<h1>Cyfrowa szkoła w gminie</h1>", html);
        Assert.Contains("Konferencja o cyfryzacji szkół.\nDla samorządów i dyrektorów.", html);
        Assert.Contains("<caption>12 maja 2026</caption>", html);
        Assert.Contains("10:00–11:30", html);
        Assert.Contains("Otwarcie i diagnoza stanu cyfryzacji", html);
        Assert.Contains("Wyniki diagnoz pilotażu.", html);
        Assert.Contains("Sala A", html);
        Assert.Contains("Ewa Mówczyńska, ORE", html);
        Assert.Contains("12:00–13:30", html);
        Assert.Contains("wolnych miejsc: 3 z 20", html);
        Assert.Contains("dla wszystkich uczestników", html);
        Assert.Contains("liczba miejsc: 120; wolnych miejsc: 12", html);
        Assert.Contains($"href=\"/konferencje/{ConferenceId}/kalendarz.ics\"", html);
        // The form: the API's consents in their version, its needs, sex categories and the workshop with seats.
        Assert.Contains("method=\"post\"", html);
        Assert.Contains("name=\"_handler\" value=\"conference-registration\"", html);
        Assert.Contains($"name=\"Input.ConsentVersion\" value=\"{Version}\"", html);
        Assert.Contains("Zgadzam się na przetwarzanie moich danych. (wymagana)", html);
        Assert.Contains("Zgadzam się na utrwalenie wizerunku. (nieobowiązkowa)", html);
        Assert.Contains("tłumacz polskiego języka migowego (PJM)", html);
        Assert.Contains("wolę nie podawać", html);
        Assert.Contains($"id=\"registration-sessions-{WorkshopId}\"", html);
        Assert.DoesNotContain($"id=\"registration-sessions-{PlenaryId}\"", html);
        Assert.Contains("<legend>Instytucja</legend>", html);
        foreach (var id in FieldIds().Matches(html).Select(m => m.Groups[1].Value).Where(id => id.StartsWith("registration-", StringComparison.Ordinal)))
        {
            Assert.Contains($"for=\"{id}\"", html);
        }
        Assert.DoesNotContain("style=", html);

        var calendar = await browser.GetAsync($"/konferencje/{ConferenceId}/kalendarz.ics", Ct);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        Assert.Equal("BEGIN:VCALENDAR", await calendar.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_form_finds_the_jst_keeping_what_was_typed_then_posts_the_registration_and_says_a_mail_was_sent()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/public/conferences/jst?q=Gromadka", new[]
        {
            new ConferenceJstOption { Terc = "1206011", Name = "Gromadka", Kind = "rural-municipality", VoivodeshipName = "małopolskie" },
            new ConferenceJstOption { Terc = "0201022", Name = "Gromadka", Kind = "rural-municipality", VoivodeshipName = "dolnośląskie" },
        });
        _web.Publishing.Json(HttpMethod.Post, $"/api/publishing/public/conferences/{ConferenceId}/registrations", new ConferenceRegistrationReceipt
        {
            Id = RegistrationId, ConferenceId = ConferenceId, Status = "pending", WaitlistPosition = null, ConfirmBy = new DateTimeOffset(2026, 4, 3, 10, 0, 0,
                TimeSpan.FromHours(2)), SessionIds = [WorkshopId],
        }, HttpStatusCode.Created);
        var browser = _web.Browser();
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        (string, string)[] typed =
        [
            ("Input.FullName", " Anna Nowak "), ("Input.Email", "anna@example.pl"), ("Input.Sex", "woman"), ("Input.JstQuery", "Gromadka"),
            ("Input.Role", "sekretarz gminy"), ("Input.Needs", "diet"), ("Input.Needs", "step-free-access"), ("Input.Diet", "wegetariańska"),
            ("Input.NeedsNote", ""), ("Input.InstitutionName", ""), ("Input.ConsentVersion", Version), ("Input.Consents", "processing"),
            ("Input.Consents", "image"), ("Input.SessionIds", WorkshopId.ToString()),
        ];

        var search = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, ConferencePath, "conference-registration",
            [.. typed, ("then", "jst")]));

        Assert.Empty(_web.Publishing.Sent(HttpMethod.Post, $"/api/publishing/public/conferences/{ConferenceId}/registrations"));
        Assert.Contains("Znaleziono JST: 2.", search);
        Assert.Contains("Gromadka (gmina wiejska, woj. małopolskie)", search);
        Assert.Contains("Gromadka (gmina wiejska, woj. dolnośląskie)", search);
        Assert.Contains("id=\"registration-jst-1206011\" name=\"Input.JstTerc\" value=\"1206011\"", search);
        Assert.Contains("value=\" Anna Nowak \"", search);
        Assert.Contains("value=\"wegetariańska\"", search);
        Assert.Contains("checked", CheckboxOf(search, "registration-consent-image"));
        Assert.Contains("checked", CheckboxOf(search, $"registration-sessions-{WorkshopId}"));

        var done = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, ConferencePath, "conference-registration",
            [.. typed, ("Input.JstTerc", "1206011"), ("then", "register")]));

        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"/api/publishing/public/conferences/{ConferenceId}/registrations"));
        Assert.Equal("Anna Nowak", sent.GetProperty("fullName").GetString());
        Assert.Equal("anna@example.pl", sent.GetProperty("email").GetString());
        Assert.Equal("woman", sent.GetProperty("sex").GetString());
        Assert.Equal("1206011", sent.GetProperty("jstTerc").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sent.GetProperty("institutionName").ValueKind);
        Assert.Equal("sekretarz gminy", sent.GetProperty("role").GetString());
        Assert.Equal(["diet", "step-free-access"], sent.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("wegetariańska", sent.GetProperty("diet").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sent.GetProperty("needsNote").ValueKind);
        Assert.Equal(Version, sent.GetProperty("consentVersion").GetString());
        Assert.True(sent.GetProperty("consentProcessing").GetBoolean());
        Assert.True(sent.GetProperty("consentImage").GetBoolean());
        Assert.False(sent.GetProperty("consentParticipantList").GetBoolean());
        Assert.Equal([WorkshopId], sent.GetProperty("sessionIds").EnumerateArray().Select(s => s.GetGuid()));
        // Publishing limits registrations per visitor's address, so it must see theirs.
        Assert.Equal("198.51.100.7", _web.Publishing.Headers.Last()["X-Forwarded-For"]);
        Assert.Contains("Sprawdź pocztę i potwierdź zgłoszenie", done);
        Assert.Contains("Wysłaliśmy wiadomość na adres anna@example.pl", done);
        Assert.Contains("do 3 kwietnia 2026, 10:00", done);
        Assert.DoesNotContain("name=\"_handler\" value=\"conference-registration\"", done);
    }

    [Fact]
    public async Task With_no_places_left_the_registration_joins_the_waitlist_and_the_page_says_so()
    {
        _web.Publishing.Json(HttpMethod.Get, $"/api/publishing/public/conferences/{ConferenceId}", Conference(placesLeft: 0));
        _web.Publishing.Json(HttpMethod.Post, $"/api/publishing/public/conferences/{ConferenceId}/registrations", new ConferenceRegistrationReceipt
        {
            Id = RegistrationId, ConferenceId = ConferenceId, Status = "waitlisted", WaitlistPosition = 5, ConfirmBy = Starts.AddDays(-30), SessionIds = [],
        }, HttpStatusCode.Created);
        var browser = _web.Browser();

        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync(ConferencePath, Ct));
        Assert.Contains("na liście oczekujących: 4", form);
        Assert.Contains("Zapisz się na listę oczekujących", form);

        var done = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, ConferencePath, "conference-registration",
            ("Input.FullName", "Jan Kowalski"), ("Input.Email", "jan@example.pl"), ("Input.Sex", "man"), ("Input.InstitutionName", "Szkoła Podstawowa nr 1"),
            ("Input.Role", "dyrektor"), ("Input.ConsentVersion", Version), ("Input.Consents", "processing"), ("Input.SessionIds", WorkshopId.ToString()),
            ("then", "register")));

        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"/api/publishing/public/conferences/{ConferenceId}/registrations"));
        Assert.Equal("Szkoła Podstawowa nr 1", sent.GetProperty("institutionName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, sent.GetProperty("jstTerc").ValueKind);
        Assert.Contains("Jesteś na liście oczekujących", done);
        Assert.Contains("(pozycja 5)", done);
        Assert.Contains("Warsztatów nie zarezerwowaliśmy", done);
    }

    [Fact]
    public async Task A_refusal_naming_a_field_stands_beside_it_in_the_summary_and_the_form_keeps_what_was_typed()
    {
        var api = $"/api/publishing/public/conferences/{ConferenceId}/registrations";
        _web.Publishing.Problem(HttpMethod.Post, api, HttpStatusCode.Conflict, new
        {
            title = "Ten adres jest już zgłoszony.", status = 409, detail = "Na tę konferencję zgłoszono już ten adres e-mail.",
            errors = new Dictionary<string, string[]> { ["email"] = ["Na tę konferencję zgłoszono już ten adres e-mail."] },
        });
        var browser = _web.Browser();
        (string, string)[] typed =
        [
            ("Input.FullName", "Anna Nowak"), ("Input.Email", "anna@example.pl"), ("Input.Sex", "woman"), ("Input.InstitutionName", "Fundacja Cyfrowa"),
            ("Input.Role", "prezeska"), ("Input.NeedsNote", "Proszę o miejsce przy wejściu."), ("Input.ConsentVersion", Version),
            ("Input.Consents", "processing"), ("Input.Consents", "participant-list"), ("then", "register"),
        ];

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, ConferencePath, "conference-registration", typed));

        Assert.Contains("Nie przyjęto zgłoszenia", page);
        Assert.Contains($"<a href=\"/konferencje/{ConferenceId}#registration-email\">Na tę konferencję zgłoszono już ten adres e-mail.</a>", page);
        Assert.Matches("id=\"registration-email-error\" class=\"field-error\">.*Na tę konferencję zgłoszono już ten adres e-mail.", page);
        Assert.Contains("aria-describedby=\"registration-email-hint registration-email-error\"", page);
        Assert.Contains("value=\"anna@example.pl\"", page);
        Assert.Contains("value=\"Fundacja Cyfrowa\"", page);
        Assert.Contains(">Proszę o miejsce przy wejściu.</textarea>", page);
        Assert.Contains("checked", CheckboxOf(page, "registration-consent-participant-list"));
        Assert.DoesNotContain("checked", CheckboxOf(page, "registration-consent-image"));
        Assert.Contains("checked", RadioOf(page, "registration-sex-woman"));

        // A bad address (400) the same way; registration closed meanwhile (409 of no field) at the top, the form still there.
        _web.Publishing.Problem(HttpMethod.Post, api, HttpStatusCode.BadRequest, new
        {
            title = "Dane wejściowe są nieprawidłowe.", status = 400, errors = new Dictionary<string, string[]> { ["email"] = ["Podaj poprawny adres e-mail."] },
        });
        page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, ConferencePath, "conference-registration", typed));
        Assert.Matches("id=\"registration-email-error\" class=\"field-error\">.*Podaj poprawny adres e-mail.", page);

        _web.Publishing.Problem(HttpMethod.Post, api, HttpStatusCode.Conflict, new
        {
            title = "Zapisy są zamknięte.", status = 409, detail = "Zapisy na tę konferencję zamknęliśmy 10 maja 2026, 10:00.",
        });
        page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, ConferencePath, "conference-registration", typed));
        Assert.Contains("<li>Zapisy są zamknięte. Zapisy na tę konferencję zamknęliśmy 10 maja 2026, 10:00.</li>", page);
        Assert.Contains("value=\"Fundacja Cyfrowa\"", page);
    }

    [Fact]
    public async Task The_participant_page_confirms_only_by_a_posted_button_and_then_shows_the_ticket()
    {
        _web.Publishing.Json(HttpMethod.Get, RegistrationApi, Registration("pending"));
        _web.Publishing.Json(HttpMethod.Post, $"{RegistrationApi}/confirm", Registration("confirmed", addressConfirmed: true));
        _web.Publishing.File($"{RegistrationApi}/ticket", [0x89, 0x50, 0x4e, 0x47], "image/png", "bilet-konferencja.png");
        var browser = _web.Browser();

        var response = await browser.GetAsync($"/konferencje/zgloszenie/{Token}", Ct);
        var html = await WebWithFakeServices.PageAsync(response);
        Assert.Contains("miejsce czeka na potwierdzenie adresu", html);
        Assert.Contains("Potwierdź zgłoszenie do 22 kwietnia 2026, 10:00", html);
        Assert.Matches("<form method=\"post\"[^>]*>\\s*<input type=\"hidden\" name=\"_handler\" value=\"registration-confirm\"", html);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\"", html);
        Assert.Contains("Anna Nowak", html);
        Assert.Contains($"href=\"/konferencje/zgloszenie/{Token}/dane\"", html);
        Assert.DoesNotContain("style=", html);
        // Opening the link (as a mail scanner does) confirms nothing.
        Assert.Empty(_web.Publishing.Sent(HttpMethod.Post, $"{RegistrationApi}/confirm"));

        var confirmed = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konferencje/zgloszenie/{Token}",
            "registration-confirm"));

        Assert.Single(_web.Publishing.Requests, r => r.Method == "POST" && r.Path == $"{RegistrationApi}/confirm");
        Assert.Contains("Dziękujemy, zgłoszenie jest potwierdzone.", confirmed);
        Assert.Contains($"src=\"/konferencje/zgloszenie/{Token}/bilet\"", confirmed);
        Assert.Contains("alt=\"Kod QR biletu na konferencję Cyfrowa szkoła w gminie\"", confirmed);
        Assert.DoesNotContain("Potwierdzam zgłoszenie", confirmed);

        var ticket = await browser.GetAsync($"/konferencje/zgloszenie/{Token}/bilet", Ct);
        Assert.Equal("image/png", ticket.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4e, 0x47], await ticket.Content.ReadAsByteArrayAsync(Ct));

        // A second press from the page loaded before: the form is found, the API answers (confirming again changes nothing).
        _web.Publishing.Json(HttpMethod.Get, RegistrationApi, Registration("confirmed", addressConfirmed: true));
        var html2 = await browser.GetStringAsync($"/konferencje/zgloszenie/{Token}", Ct);
        var antiforgery = AntiforgeryToken().Match(html2).Groups[1].Value;
        var again = await browser.PostAsync($"/konferencje/zgloszenie/{Token}", new FormUrlEncodedContent(
            [new("_handler", "registration-confirm"), new("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery))]), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, _web.Publishing.Requests.Count(r => r.Method == "POST" && r.Path == $"{RegistrationApi}/confirm"));
    }

    [Fact]
    public async Task A_place_offered_from_the_waitlist_is_accepted_or_declined_by_posted_buttons_before_the_hold_ends()
    {
        var holdEnds = new DateTimeOffset(2026, 5, 4, 18, 30, 0, TimeSpan.Zero);
        _web.Publishing.Json(HttpMethod.Get, RegistrationApi, Registration("offered", addressConfirmed: true, offerExpiresAt: holdEnds));
        _web.Publishing.Json(HttpMethod.Post, $"{RegistrationApi}/accept", Registration("confirmed", addressConfirmed: true));
        _web.Publishing.Json(HttpMethod.Post, $"{RegistrationApi}/decline", Registration("declined", addressConfirmed: true));
        var browser = _web.Browser();

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/konferencje/zgloszenie/{Token}", Ct));
        Assert.Contains("Zwolniło się miejsce dla Ciebie", html);
        Assert.Contains("Odpowiedz do 4 maja 2026, 20:30.", html);
        Assert.Contains("name=\"_handler\" value=\"registration-accept\"", html);
        Assert.Contains("name=\"_handler\" value=\"registration-decline\"", html);
        Assert.DoesNotContain("value=\"registration-confirm\"", html);

        var accepted = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konferencje/zgloszenie/{Token}",
            "registration-accept"));
        Assert.Single(_web.Publishing.Requests, r => r.Method == "POST" && r.Path == $"{RegistrationApi}/accept");
        Assert.Contains("Miejsce jest Twoje", accepted);
        Assert.Contains($"src=\"/konferencje/zgloszenie/{Token}/bilet\"", accepted);

        var declined = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konferencje/zgloszenie/{Token}",
            "registration-decline"));
        Assert.Single(_web.Publishing.Requests, r => r.Method == "POST" && r.Path == $"{RegistrationApi}/decline");
        Assert.Contains("Zrezygnowano z miejsca", declined);
        Assert.Contains("odrzucono zaproponowane miejsce", declined);
        Assert.DoesNotContain("value=\"registration-cancel\"", declined);
    }

    [Fact]
    public async Task Withdrawing_an_optional_consent_sends_the_consents_the_data_is_exported_cancelling_asks_first_and_an_unknown_link_is_404()
    {
        _web.Publishing.Json(HttpMethod.Get, RegistrationApi, Registration("confirmed", addressConfirmed: true, consents:
        [
            new ConferenceConsent { Kind = "processing", Version = Version, GivenAt = Starts.AddDays(-21), WithdrawnAt = null },
            new ConferenceConsent { Kind = "image", Version = Version, GivenAt = Starts.AddDays(-21), WithdrawnAt = null },
        ]));
        _web.Publishing.Json(HttpMethod.Put, $"{RegistrationApi}/consents", Registration("confirmed", addressConfirmed: true, consents:
        [
            new ConferenceConsent { Kind = "processing", Version = Version, GivenAt = Starts.AddDays(-21), WithdrawnAt = null },
            new ConferenceConsent { Kind = "image", Version = Version, GivenAt = Starts.AddDays(-21), WithdrawnAt = Starts.AddDays(-3) },
        ]));
        var browser = _web.Browser();

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/konferencje/zgloszenie/{Token}", Ct));
        Assert.Contains("checked", CheckboxOf(html, "consent-image"));
        Assert.DoesNotContain("checked", CheckboxOf(html, "consent-participant-list"));
        Assert.Contains("Zgadzam się na utrwalenie wizerunku.", html);
        Assert.Contains($"href=\"/konferencje/zgloszenie/{Token}#anuluj\"", html);

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konferencje/zgloszenie/{Token}",
            "registration-consents", ("consentVersion", Version)));

        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Put, $"{RegistrationApi}/consents"));
        Assert.True(sent.GetProperty("processing").GetBoolean());
        Assert.False(sent.GetProperty("image").GetBoolean());
        Assert.False(sent.GetProperty("participantList").GetBoolean());
        Assert.Equal(Version, sent.GetProperty("consentVersion").GetString());
        Assert.Contains("Zapisaliśmy Twoje zgody.", page);
        Assert.DoesNotContain("checked", CheckboxOf(page, "consent-image"));
        Assert.Contains("wycofana 9 maja 2026, 10:00", page);

        // The data export is relayed as a file to keep.
        _web.Publishing.Json(HttpMethod.Get, $"{RegistrationApi}/data", Registration("confirmed", addressConfirmed: true));
        var export = await browser.GetAsync($"/konferencje/zgloszenie/{Token}/dane", Ct);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", export.Headers.CacheControl?.ToString());
        using (var data = System.Text.Json.JsonDocument.Parse(await export.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Equal("Anna Nowak", data.RootElement.GetProperty("fullName").GetString());
        }

        // Cancelling asks for the box to be ticked first and only then calls the API.
        var unsure = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konferencje/zgloszenie/{Token}",
            "registration-cancel"));
        Assert.Contains("Zaznacz, że chcesz anulować zgłoszenie.", unsure);
        Assert.DoesNotContain(_web.Publishing.Requests, r => r.Path == $"{RegistrationApi}/cancel");

        _web.Publishing.Problem(HttpMethod.Get, "/api/publishing/public/conference-registrations/unknown-token-0123456789", HttpStatusCode.NotFound,
            new { title = "Nie znaleziono.", status = 404, detail = "Nie ma takiego zgłoszenia na konferencję." });
        var unknown = await browser.GetAsync("/konferencje/zgloszenie/unknown-token-0123456789", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Nie znaleziono strony", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task The_verification_page_shows_a_valid_certificate_and_says_when_a_number_is_unknown()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/public/conference-certificates?number=KONF%2F2026%2F000123", new ConferenceCertificateVerification
        {
            Number = "KONF/2026/000123", ConferenceTitle = "Cyfrowa szkoła w gminie", StartsOn = new DateOnly(2026, 5, 12), EndsOn = new DateOnly(2026, 5, 13),
            DaysAttended = 2, IssuedOn = new DateOnly(2026, 5, 13), Issuer = "Ośrodek Rozwoju Edukacji", HolderInitials = "A. N.",
        });
        var browser = _web.Browser();

        var valid = await WebWithFakeServices.PageAsync(await browser.GetAsync("/konferencje/zaswiadczenia/weryfikacja?numer=KONF/2026/000123", Ct));
        Assert.Contains("Zaświadczenie nr KONF/2026/000123 zostało wydane przez nas i jest prawdziwe.", valid);
        Assert.Contains("Cyfrowa szkoła w gminie", valid);
        Assert.Contains("12 maja 2026 – 13 maja 2026", valid);
        Assert.Contains("A. N.", valid);
        Assert.Contains("Ośrodek Rozwoju Edukacji", valid);
        Assert.Contains("method=\"get\" action=\"/konferencje/zaswiadczenia/weryfikacja\"", valid);

        var unknown = await WebWithFakeServices.PageAsync(await browser.GetAsync("/konferencje/zaswiadczenia/weryfikacja?numer=KONF/2026/999999", Ct));
        Assert.Contains("Nie znaleziono zaświadczenia o numerze KONF/2026/999999.", unknown);
        Assert.DoesNotContain("jest prawdziwe", unknown);
    }

    private static string CheckboxOf(string html, string id) => Regex.Match(html, $"<input type=\"checkbox\" id=\"{Regex.Escape(id)}\"[^>]*>").Value;

    private static string RadioOf(string html, string id) => Regex.Match(html, $"<input type=\"radio\" id=\"{Regex.Escape(id)}\"[^>]*>").Value;

    [GeneratedRegex("<(?:input|select|textarea)[^>]*\\sid=\"([^\"]+)\"")]
    private static partial Regex FieldIds();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
