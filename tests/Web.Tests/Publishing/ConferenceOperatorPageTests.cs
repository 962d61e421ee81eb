using System.Text.Json;
using Cro.ServiceDefaults;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Tests.Publishing;

/// <summary>
/// ORE's conference pages against a fake publishing service: the list and the form that adds a draft, the conference's form
/// with its agenda (kept, removed and new sessions), refusals beside their fields, publishing, JST reservations, the needs
/// list, the attendance list and certificate relayed as files, and check-in at the door by the ticket's code.
/// </summary>
public sealed class ConferenceOperatorPageTests : IDisposable
{
    private static readonly Guid ConferenceId = Guid.NewGuid();
    private static readonly Guid KeptSessionId = Guid.NewGuid();
    private static readonly Guid RemovedSessionId = Guid.NewGuid();
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(WarsawTime.InWarsaw(DateTimeOffset.UtcNow).DateTime);
    private static string Api => $"/api/publishing/conferences/{ConferenceId}";
    private static string Page => $"/administracja/konferencje/{ConferenceId}";

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static ConferenceSession Session(Guid id, int ordinal, string title) => new()
    {
        Id = id, Ordinal = ordinal, Title = title, Description = null, StartsAt = new DateTimeOffset(2026, 6, 10, 10, 0, 0, Summer),
        EndsAt = new DateTimeOffset(2026, 6, 10, 11, 0, 0, Summer), Room = "Sala A", Capacity = 30, SeatsLeft = 30,
        Speakers = [new ConferenceSpeaker { FullName = "Ewa Prelegentka", Affiliation = "ORE" }],
    };

    private static Conference Conference(string status = "draft", Guid? id = null, string title = "Cyfrowa szkoła w gminie", DateOnly? day = null)
    {
        var on = day ?? new DateOnly(2026, 6, 10);
        var offset = WarsawTime.Zone.GetUtcOffset(on.ToDateTime(new TimeOnly(12, 0)));
        return new()
        {
            Id = id ?? ConferenceId, Title = title, Description = "O cyfryzacji szkół.",
            StartsAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), offset), EndsAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(17, 0)), offset),
            Days = [on], Place = "Warszawa, ul. Polna 1", OnlineUrl = null, Capacity = 100, PlacesTaken = 5, PlacesLeft = 95,
            RegistrationOpensAt = new DateTimeOffset(2026, 5, 1, 9, 0, 0, Summer), RegistrationClosesAt = new DateTimeOffset(2026, 6, 5, 23, 0, 0, Summer),
            OfferHoldHours = 48, CertificateMinDays = 1, Status = status, Registration = "not-yet-open",
            Sessions = [Session(RemovedSessionId, 1, "Otwarcie"), Session(KeptSessionId, 2, "Warsztat")],
            Registrations = new Dictionary<string, int> { ["confirmed"] = 3, ["waitlisted"] = 2 }, ReservedPlaces = 4,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, PublishedAt = status == "published" ? DateTimeOffset.UtcNow : null,
        };
    }

    private static ConferenceCheckIn CheckedIn(bool already) => new()
    {
        RegistrationId = Guid.NewGuid(), FullName = "Jan Kowalski", Institution = "Gmina Gromadka", Day = Today, CheckedInAt = DateTimeOffset.UtcNow,
        AlreadyCheckedIn = already, DaysAttended = 1, Needs = ["induction-loop"], CertificateNumber = null,
    };

    private static (string, string)[] ConferenceFields(string prefix) =>
    [
        ($"{prefix}.Title", "Cyfrowa szkoła w gminie"), ($"{prefix}.Description", "O cyfryzacji szkół."), ($"{prefix}.StartsAt", "2026-06-10T09:00"),
        ($"{prefix}.EndsAt", "2026-06-10T17:00"), ($"{prefix}.Place", "Warszawa, ul. Polna 1"), ($"{prefix}.OnlineUrl", ""), ($"{prefix}.Capacity", "120"),
        ($"{prefix}.RegistrationOpensAt", "2026-05-01T09:00"), ($"{prefix}.RegistrationClosesAt", "2026-06-05T23:00"), ($"{prefix}.OfferHoldHours", ""),
        ($"{prefix}.CertificateMinDays", "1"),
    ];

    [Fact]
    public async Task The_list_shows_every_conference_and_the_form_adds_a_draft()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/conferences", new[] { Conference() });
        _web.Publishing.Json(HttpMethod.Post, "/api/publishing/conferences", Conference(), HttpStatusCode.Created);
        var browser = _web.Browser(Roles.Operator);

        var list = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja/konferencje", Ct));
        Assert.Contains($"href=\"{Page}\"", list);
        Assert.Contains("Cyfrowa szkoła w gminie", list);
        Assert.Contains("szkic", list);
        Assert.Contains("5 / 95 / 100", list);
        Assert.Contains("potwierdzone: 3, na liście oczekujących: 2", list);

        var response = await WebWithFakeServices.PostFormAsync(browser, "/administracja/konferencje", "new-conference", ConferenceFields("Input"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?zrobiono=dodano", response.Headers.Location?.OriginalString.Replace("http://localhost", ""));
        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Post, "/api/publishing/conferences"));
        Assert.Equal("Cyfrowa szkoła w gminie", sent.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 9, 0, 0, Summer), sent.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(Summer, sent.GetProperty("startsAt").GetDateTimeOffset().Offset); // Warsaw's summer time, as typed
        Assert.Equal(120, sent.GetProperty("capacity").GetInt32());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("onlineUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("offerHoldHours").ValueKind);
        Assert.Equal(1, sent.GetProperty("certificateMinDays").GetInt32());
    }

    [Fact]
    public async Task Saving_the_conference_sends_its_agenda_with_sessions_kept_removed_and_added()
    {
        _web.Publishing.Json(HttpMethod.Get, Api, Conference());
        _web.Publishing.Json(HttpMethod.Put, Api, Conference());
        var browser = _web.Browser(Roles.Operator);
        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync(Page, Ct));
        Assert.Contains("value=\"Warsztat\"", form);
        Assert.Contains("Ewa Prelegentka; ORE", form);
        Assert.Equal(2 + 3, System.Text.RegularExpressions.Regex.Matches(form, "data-testid=\"agenda-row\"").Count);

        var response = await WebWithFakeServices.PostFormAsync(browser, Page, "conference",
        [
            .. ConferenceFields("Input"),
            ("Input.Sessions[0].Id", RemovedSessionId.ToString()), ("Input.Sessions[0].Title", "Otwarcie"), ("Input.Sessions[0].StartsAt", "2026-06-10T10:00"),
            ("Input.Sessions[0].EndsAt", "2026-06-10T11:00"), ("Input.Sessions[0].Remove", "true"),
            ("Input.Sessions[1].Id", KeptSessionId.ToString()), ("Input.Sessions[1].Title", "Warsztat: diagnoza"),
            ("Input.Sessions[1].StartsAt", "2026-06-10T11:00"), ("Input.Sessions[1].EndsAt", "2026-06-10T12:30"), ("Input.Sessions[1].Room", "Sala B"),
            ("Input.Sessions[1].Capacity", "25"), ("Input.Sessions[1].Speakers", "Anna Nowak; Uniwersytet Warszawski\r\nJan Mówca\r\n"),
            ("Input.Sessions[2].Title", ""), ("Input.Sessions[2].StartsAt", ""),
            ("Input.Sessions[3].Title", "Podsumowanie"), ("Input.Sessions[3].StartsAt", "2026-06-10T16:00"), ("Input.Sessions[3].EndsAt", "2026-06-10T17:00"),
            ("Input.Sessions[3].Capacity", ""),
            ("Input.Sessions[4].Title", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?zrobiono=zapisano", response.Headers.Location?.OriginalString.Replace("http://localhost", ""));
        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Put, Api));
        Assert.Equal(120, sent.GetProperty("capacity").GetInt32());
        var sessions = sent.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(KeptSessionId, sessions[0].GetProperty("id").GetGuid());
        Assert.Equal("Warsztat: diagnoza", sessions[0].GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 12, 30, 0, Summer), sessions[0].GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("Sala B", sessions[0].GetProperty("room").GetString());
        Assert.Equal(25, sessions[0].GetProperty("capacity").GetInt32());
        var speakers = sessions[0].GetProperty("speakers").EnumerateArray().ToList();
        Assert.Equal(["Anna Nowak", "Jan Mówca"], speakers.Select(s => s.GetProperty("fullName").GetString()));
        Assert.Equal("Uniwersytet Warszawski", speakers[0].GetProperty("affiliation").GetString());
        Assert.Equal(JsonValueKind.Null, speakers[1].GetProperty("affiliation").ValueKind);
        Assert.Equal(JsonValueKind.Null, sessions[1].GetProperty("id").ValueKind);
        Assert.Equal("Podsumowanie", sessions[1].GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, sessions[1].GetProperty("capacity").ValueKind);
    }

    [Fact]
    public async Task The_service_refusals_stand_beside_their_fields_and_session_rows()
    {
        _web.Publishing.Json(HttpMethod.Get, Api, Conference());
        _web.Publishing.Problem(HttpMethod.Put, Api, HttpStatusCode.Conflict, new
        {
            title = "Za mało miejsc.", status = 409, detail = "Uczestnicy i rezerwacje zajmują już 130 miejsc.",
            errors = new Dictionary<string, string[]>
            {
                ["capacity"] = ["Uczestnicy i rezerwacje zajmują już 130 miejsc."], ["sessions[0].startsAt"] = ["Sesja odbywa się w czasie konferencji."],
            },
        });
        var browser = _web.Browser(Roles.Operator);

        var response = await WebWithFakeServices.PostFormAsync(browser, Page, "conference",
        [
            .. ConferenceFields("Input"),
            ("Input.Sessions[0].Id", RemovedSessionId.ToString()), ("Input.Sessions[0].Title", "Otwarcie"), ("Input.Sessions[0].Remove", "true"),
            ("Input.Sessions[1].Id", KeptSessionId.ToString()), ("Input.Sessions[1].Title", "Warsztat"), ("Input.Sessions[1].StartsAt", "2026-06-11T11:00"),
            ("Input.Sessions[1].EndsAt", "2026-06-11T12:00"),
        ]);
        var html = await WebWithFakeServices.PageAsync(response);

        Assert.Contains("Nie zapisano zmian", html);
        Assert.Contains("<p id=\"conference-capacity-error\" class=\"field-error\">", html);
        Assert.Contains("Uczestnicy i rezerwacje zajmują już 130 miejsc.", html);
        Assert.Contains($"{Page}#conference-capacity\"", html);
        // The first session sent is the second row (the first was removed), so its message stands in that row.
        Assert.Contains("<p id=\"conference-session-1-startsAt-error\" class=\"field-error\">", html);
        Assert.Contains($"{Page}#conference-session-1-startsAt\"", html);
        Assert.Contains("value=\"120\"", html); // what was typed stays
    }

    [Fact]
    public async Task A_time_that_is_not_one_is_refused_beside_its_field_before_anything_is_sent()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/conferences", Array.Empty<Conference>());
        var browser = _web.Browser(Roles.Operator);

        var response = await WebWithFakeServices.PostFormAsync(browser, "/administracja/konferencje", "new-conference",
            [.. ConferenceFields("Input").Where(f => f.Item1 != "Input.StartsAt"), ("Input.StartsAt", "2026-03-29T02:30")]);
        var html = await WebWithFakeServices.PageAsync(response);

        Assert.Contains("<p id=\"new-startsAt-error\" class=\"field-error\">", html);
        Assert.Empty(_web.Publishing.Sent(HttpMethod.Post, "/api/publishing/conferences"));
    }

    [Fact]
    public async Task A_draft_is_published_with_its_button()
    {
        _web.Publishing.Json(HttpMethod.Get, Api, Conference());
        _web.Publishing.Json(HttpMethod.Post, $"{Api}/publish", Conference("published"));
        var browser = _web.Browser(Roles.Operator);

        var response = await WebWithFakeServices.PostFormAsync(browser, Page, "publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Page}?zrobiono=opublikowano", response.Headers.Location?.OriginalString.Replace("http://localhost", ""));
        Assert.Single(_web.Publishing.Requests, r => r.Method == "POST" && r.Path == $"{Api}/publish");
    }

    [Fact]
    public async Task Places_are_reserved_for_a_jst_found_by_name_and_a_reservation_is_cancelled()
    {
        var reservationId = Guid.NewGuid();
        var reservation = new ConferenceReservation
        {
            Id = reservationId, ConferenceId = ConferenceId, JstTerc = "1206011", JstName = "Gromadka", Places = 4, Used = 1,
            ExpiresAt = new DateTimeOffset(2026, 6, 1, 12, 0, 0, Summer), Status = "active", CreatedAt = DateTimeOffset.UtcNow, EndedAt = null,
        };
        _web.Publishing.Json(HttpMethod.Get, Api, Conference());
        _web.Publishing.Json(HttpMethod.Get, $"{Api}/reservations", new[] { reservation });
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/public/conferences/jst?q=Gromadka", new[]
        {
            new ConferenceJstOption { Terc = "0212011", Name = "Gromadka", Kind = "rural-municipality", VoivodeshipName = "dolnośląskie" },
        });
        _web.Publishing.Json(HttpMethod.Post, $"{Api}/reservations", reservation, HttpStatusCode.Created);
        _web.Publishing.Json(HttpMethod.Post, $"{Api}/reservations/{reservationId}/cancel", reservation);
        var browser = _web.Browser(Roles.Operator);
        var page = $"{Page}/rezerwacje?jst=Gromadka";

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync(page, Ct));
        Assert.Contains("Gromadka (0212011, dolnośląskie)", html);
        Assert.Contains("name=\"Reserve.JstTerc\" value=\"0212011\"", html);

        var reserved = await WebWithFakeServices.PostFormAsync(browser, page, "reserve",
            ("Reserve.JstTerc", "0212011"), ("Reserve.Places", "5"), ("Reserve.ExpiresAt", "2026-06-01T12:00"));

        Assert.Equal(HttpStatusCode.Redirect, reserved.StatusCode);
        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"{Api}/reservations"));
        Assert.Equal("0212011", sent.GetProperty("jstTerc").GetString());
        Assert.Equal(5, sent.GetProperty("places").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, Summer), sent.GetProperty("expiresAt").GetDateTimeOffset());

        var cancelled = await WebWithFakeServices.PostFormAsync(browser, $"{Page}/rezerwacje", $"cancel-{reservationId}");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal($"{Page}/rezerwacje?zrobiono=anulowano", cancelled.Headers.Location?.OriginalString.Replace("http://localhost", ""));
        Assert.Single(_web.Publishing.Requests, r => r.Method == "POST" && r.Path == $"{Api}/reservations/{reservationId}/cancel");
    }

    [Fact]
    public async Task A_reservation_refused_for_too_few_places_says_so_beside_the_places()
    {
        _web.Publishing.Json(HttpMethod.Get, Api, Conference());
        _web.Publishing.Json(HttpMethod.Get, $"{Api}/reservations", Array.Empty<ConferenceReservation>());
        _web.Publishing.Problem(HttpMethod.Post, $"{Api}/reservations", HttpStatusCode.Conflict, new
        {
            title = "Za mało wolnych miejsc.", status = 409, errors = new Dictionary<string, string[]> { ["places"] = ["Wolnych miejsc jest 95."] },
        });
        var browser = _web.Browser(Roles.Operator);

        var response = await WebWithFakeServices.PostFormAsync(browser, $"{Page}/rezerwacje", "reserve",
            ("Reserve.JstTerc", "1206011"), ("Reserve.Places", "200"), ("Reserve.ExpiresAt", "2026-06-01T12:00"));
        var html = await WebWithFakeServices.PageAsync(response);

        Assert.Contains("<p id=\"reserve-places-error\" class=\"field-error\"><span class=\"visually-hidden\">Błąd: </span>Wolnych miejsc jest 95.</p>", html);
    }

    [Fact]
    public async Task The_needs_list_counts_what_to_prepare_for()
    {
        _web.Publishing.Json(HttpMethod.Get, Api, Conference());
        _web.Publishing.Json(HttpMethod.Get, $"{Api}/needs", new ConferenceNeeds
        {
            ConferenceId = ConferenceId, Participants = 12, Confirmed = 9,
            Counts =
            [
                new ConferenceNeedCount { Code = "sign-language-interpreter", Label = "PJM", People = 0, Confirmed = 0 },
                new ConferenceNeedCount { Code = "induction-loop", Label = "pętla", People = 3, Confirmed = 2 },
            ],
            Diets = [new ConferenceDietCount { Diet = "wegetariańska", People = 4 }],
            People = [new ConferencePersonNeeds { RegistrationId = Guid.NewGuid(), FullName = "Jan Kowalski", Status = "confirmed", Needs = ["induction-loop"],
                Diet = "wegetariańska", NeedsNote = "Proszę o miejsce z przodu." }],
        });
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync($"{Page}/potrzeby", Ct));

        Assert.Contains("Miejsca ma 12 osób, w tym 9 z potwierdzonym miejscem.", html);
        Assert.Matches(@"<th scope=""row"">pętla indukcyjna</th>\s*<td>3</td>\s*<td>2</td>", html);
        Assert.Matches(@"<th scope=""row"">wegetariańska</th>\s*<td>4</td>", html);
        Assert.Contains("Proszę o miejsce z przodu.", html);
    }

    [Fact]
    public async Task The_registrations_show_the_waitlist_in_order_and_the_certificate_of_who_attended()
    {
        var attended = Guid.NewGuid();
        ConferenceRegistrationListItem Item(Guid id, string name, string status, int? position, int days) => new()
        {
            Id = id, Status = status, AddressConfirmed = true, WaitlistPosition = position, FullName = name, Email = "x@example.pl", Sex = "woman",
            InstitutionKind = "jst", JstTerc = "1206011", JstName = "Gromadka", InstitutionName = null, Role = "sekretarz", Needs = [], Diet = null,
            NeedsNote = null, ReservationJst = null, RegisteredAt = DateTimeOffset.UtcNow, ConfirmedAt = null, OfferExpiresAt = null, DaysAttended = days,
        };
        _web.Publishing.Json(HttpMethod.Get, Api, Conference());
        _web.Publishing.Json(HttpMethod.Get, $"{Api}/registrations?limit=200", new ConferenceRegistrationPage
        {
            Items = [Item(attended, "Anna Obecna", "confirmed", null, 1), Item(Guid.NewGuid(), "Beata Nieobecna", "confirmed", null, 0)], NextCursor = null,
        });
        _web.Publishing.Json(HttpMethod.Get, $"{Api}/registrations?status=waitlisted&limit=200", new ConferenceRegistrationPage
        {
            Items = [Item(Guid.NewGuid(), "Druga Czekająca", "waitlisted", 2, 0), Item(Guid.NewGuid(), "Pierwsza Czekająca", "waitlisted", 1, 0)],
            NextCursor = null,
        });
        var browser = _web.Browser(Roles.Operator);

        var all = await WebWithFakeServices.PageAsync(await browser.GetAsync($"{Page}/zgloszenia", Ct));
        Assert.Contains($"href=\"{Page}/zgloszenia/{attended}/zaswiadczenie\"", all);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, "/zaswiadczenie\""));
        Assert.Contains($"href=\"{Page}/lista-obecnosci?format=csv\"", all);
        Assert.Contains($"href=\"{Page}/lista-obecnosci?format=xlsx\"", all);

        var waitlist = await WebWithFakeServices.PageAsync(await browser.GetAsync($"{Page}/zgloszenia?stan=waitlisted", Ct));
        Assert.True(waitlist.IndexOf("Pierwsza Czekająca", StringComparison.Ordinal) < waitlist.IndexOf("Druga Czekająca", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task The_attendance_list_is_relayed_with_its_type(string format, string contentType)
    {
        _web.Publishing.File($"{Api}/attendance/export?format={format}", [1, 2, 3], contentType, $"lista-obecnosci-konferencja-20260610.{format}");
        var browser = _web.Browser(Roles.Operator);

        var response = await browser.GetAsync($"{Page}/lista-obecnosci?format={format}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"lista-obecnosci-konferencja-20260610.{format}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 1, 2, 3 }, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_participants_certificate_is_relayed_as_a_pdf()
    {
        var registrationId = Guid.NewGuid();
        _web.Publishing.File($"{Api}/registrations/{registrationId}/certificate", [0x25, 0x50, 0x44, 0x46], "application/pdf", "zaswiadczenie-1-2026.pdf");
        var browser = _web.Browser(Roles.Operator);

        var response = await browser.GetAsync($"{Page}/zgloszenia/{registrationId}/zaswiadczenie", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_tickets_page_records_todays_attendance_at_the_conference_that_knows_the_code()
    {
        var other = Guid.NewGuid();
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/conferences", new[]
        {
            Conference("published", other, "Inna konferencja", Today), Conference("published", day: Today),
            Conference("published", Guid.NewGuid(), "Jutrzejsza", Today.AddDays(1)),
        });
        _web.Publishing.Json(HttpMethod.Post, $"{Api}/check-ins", CheckedIn(already: false));
        var browser = _web.Browser(Roles.Operator);

        var page = await WebWithFakeServices.PageAsync(await browser.GetAsync("/konferencje/bilet/AbCdEf123456", Ct));
        Assert.Contains("Odnotuj obecność", page);
        Assert.DoesNotContain("Jutrzejsza", page);

        var response = await WebWithFakeServices.PostFormAsync(browser, "/konferencje/bilet/AbCdEf123456", "ticket-check-in");
        var html = await WebWithFakeServices.PageAsync(response);

        Assert.Contains("Odnotowano obecność: Jan Kowalski", html);
        Assert.Contains("pętla indukcyjna", html);
        Assert.Contains("Cyfrowa szkoła w gminie", html);
        // The other conference of today did not know the ticket (404) and was asked first; the tomorrow's one not at all.
        Assert.Equal("AbCdEf123456", Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"/api/publishing/conferences/{other}/check-ins")).GetProperty("code").GetString());
        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"{Api}/check-ins"));
        Assert.Equal("AbCdEf123456", sent.GetProperty("code").GetString());
        Assert.Equal(2, _web.Publishing.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_second_scan_says_the_person_was_checked_in_already()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/conferences", new[] { Conference("published", day: Today) });
        _web.Publishing.Json(HttpMethod.Post, $"{Api}/check-ins", CheckedIn(already: true));
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/konferencje/bilet/AbCdEf123456", "ticket-check-in"));

        Assert.Contains("Obecność już była odnotowana: Jan Kowalski", html);
    }

    [Fact]
    public async Task A_code_of_no_ticket_today_is_refused()
    {
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/conferences", new[] { Conference("published", day: Today) });
        // The fake service answers 404 to the check-in: no ticket of this conference has the code.
        var browser = _web.Browser(Roles.Operator);

        var html = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, "/konferencje/bilet/nieznany", "ticket-check-in"));

        Assert.Contains("Ten kod nie jest biletem na żadną z dzisiejszych konferencji.", html);
        Assert.DoesNotContain("Odnotowano obecność", html);
    }

    [Fact]
    public async Task The_door_form_sends_the_typed_code_and_day_and_shows_a_refusal_beside_the_code()
    {
        _web.Publishing.Json(HttpMethod.Get, Api, Conference("published", day: Today));
        _web.Publishing.Problem(HttpMethod.Post, $"{Api}/check-ins", HttpStatusCode.Conflict, new
        {
            title = "Brak potwierdzonego miejsca.", status = 409, detail = "Zgłoszenie ma stan: anulowane.",
        });
        var browser = _web.Browser(Roles.Operator);
        var form = await WebWithFakeServices.PageAsync(await browser.GetAsync($"{Page}/obecnosc", Ct));
        Assert.Contains($"<option value=\"{Today:yyyy-MM-dd}\" selected", form);

        var response = await WebWithFakeServices.PostFormAsync(browser, $"{Page}/obecnosc", "check-in",
            ("CheckIn.Code", " https://cro.example.pl/konferencje/bilet/XyZ987 "), ("CheckIn.Day", $"{Today:yyyy-MM-dd}"));
        var html = await WebWithFakeServices.PageAsync(response);

        var sent = Assert.Single(_web.Publishing.Sent(HttpMethod.Post, $"{Api}/check-ins"));
        Assert.Equal("https://cro.example.pl/konferencje/bilet/XyZ987", sent.GetProperty("code").GetString());
        Assert.Equal($"{Today:yyyy-MM-dd}", sent.GetProperty("day").GetString());
        Assert.Contains("<p id=\"check-in-code-error\" class=\"field-error\"><span class=\"visually-hidden\">Błąd: </span>Brak potwierdzonego miejsca. Zgłoszenie ma stan: anulowane.</p>", html);
    }

    [Fact]
    public async Task The_pages_and_files_are_for_ore_only()
    {
        foreach (var path in new[] { "/administracja/konferencje", Page, $"{Page}/zgloszenia", $"{Page}/rezerwacje", $"{Page}/potrzeby", $"{Page}/obecnosc",
                     "/konferencje/bilet/AbCdEf123456", $"{Page}/lista-obecnosci?format=csv" })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await _web.Browser(Roles.JstCoordinator).GetAsync(path, Ct)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await _web.Browser(Roles.Advisor).GetAsync(path, Ct)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await _web.Browser().GetAsync(path, Ct)).StatusCode);
        }
        Assert.Empty(_web.Publishing.Requests);
    }
}
