using Microsoft.Extensions.Options;

namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// POST /api/publishing/public/conferences/{id}/registrations — anyone registers for a published conference while its
/// registration is open, without an account: name, address, sex (the programme's indicators count people by it),
/// institution (a JST of the registry, or another by name), role, accessibility needs, and consents in the version of
/// their text the form showed (processing required; image and the participant list optional). They get a place (pending
/// until they confirm the address through the mailed link, within <see cref="ConferenceOptions.ConfirmationWindow"/>), a
/// place of their JST's reservation, or the end of the waitlist (<see cref="Places"/>); sessions with seats they chose are
/// taken with a place only. The mail (ConferenceRegistrationReceived) carries their link; the answer does not, so only the
/// address's owner can confirm.
/// <para>
/// Refusals write nothing: 400 for bad input (naming the field: a bad address, a JST not in the registry, an unknown
/// session), 404 for no such published conference, 409 when registration is not open, when the address has registered for
/// it already (naming email), when the consents' text changed (naming consentVersion) or a chosen session is full (naming
/// sessionIds), 429 past the limit per address (<see cref="RegistrationLimits"/>).
/// </para>
/// </summary>
public static class RegisterForConference
{
    public const long MaxBodyBytes = 32 * 1024;

    /// <param name="Sex">woman, man, non-binary or undisclosed.</param>
    /// <param name="JstTerc">The JST the person works for, from the registry; or give <paramref name="InstitutionName"/> instead.</param>
    /// <param name="InstitutionName">Another institution (a school, an association…), when not a JST.</param>
    /// <param name="Role">Their position or role (e.g. sekretarz gminy, dyrektor szkoły).</param>
    /// <param name="Needs">Codes of the accessibility needs (see the conference's needs).</param>
    /// <param name="Diet">The diet, when needs include diet.</param>
    /// <param name="NeedsNote">Anything else the organisers should prepare.</param>
    /// <param name="ConsentVersion">The version of the consents' text the form showed.</param>
    /// <param name="SessionIds">Sessions with seats (workshops) to take part in; taken only with a place.</param>
    [OpenApiSchemaName("ConferenceRegistrationRequest")]
    public sealed record RegistrationRequest(
        string FullName,
        string Email,
        string Sex,
        string? JstTerc,
        [property: FieldLabel("Nazwa instytucji", "Institution's name")] string? InstitutionName,
        [property: FieldLabel("Stanowisko lub funkcja", "Position or role")] string Role,
        [property: FieldLabel("Potrzeby", "Needs")] IReadOnlyList<string>? Needs,
        [property: FieldLabel("Dieta", "Diet")] string? Diet,
        [property: FieldLabel("Inne potrzeby", "Other needs")] string? NeedsNote,
        [property: FieldLabel("Wersja treści zgód", "Version of the consents' text")] string ConsentVersion,
        [property: FieldLabel("Zgoda na przetwarzanie danych", "Consent to processing")] bool ConsentProcessing,
        [property: FieldLabel("Zgoda na utrwalenie wizerunku", "Consent to image recording")] bool ConsentImage = false,
        [property: FieldLabel("Zgoda na umieszczenie na liście uczestników", "Consent to the participant list")] bool ConsentParticipantList = false,
        [property: FieldLabel("Sesje", "Sessions")] IReadOnlyList<Guid>? SessionIds = null);

    /// <param name="Status">pending (a place, the address to confirm by <paramref name="ConfirmBy"/>) or waitlisted.</param>
    /// <param name="WaitlistPosition">How many wait ahead, plus one; null with a place.</param>
    [OpenApiSchemaName("ConferenceRegistrationReceipt")]
    public sealed record RegistrationReceipt(Guid Id, Guid ConferenceId, string Status, int? WaitlistPosition, DateTimeOffset ConfirmBy,
        IReadOnlyList<Guid> SessionIds);

    public sealed class Validator : AbstractValidator<RegistrationRequest>
    {
        public Validator()
        {
            RuleFor(r => r.FullName).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj imię i nazwisko (do 200 znaków).", "Give your name (up to 200 characters)."));
            RuleFor(r => r.Email).MailAddress();
            RuleFor(r => r.Sex).Must(s => SexCategories.All.Contains(s))
                .WithMessage(_ => Text.Pick("Wybierz płeć: kobieta, mężczyzna, osoba niebinarna albo „wolę nie podawać”.",
                    "Choose sex: woman, man, non-binary or 'prefer not to say'."));
            RuleFor(r => r.InstitutionName).Must((r, name) => string.IsNullOrWhiteSpace(r.JstTerc) != string.IsNullOrWhiteSpace(name))
                .WithMessage(_ => Text.Pick("Wybierz JST z rejestru albo podaj nazwę innej instytucji (jedno z dwojga).",
                    "Choose a JST from the registry or give another institution's name (one of the two)."));
            RuleFor(r => r.InstitutionName).MaximumLength(300)
                .WithMessage(_ => Text.Pick("Nazwa instytucji ma do 300 znaków.", "The institution's name has up to 300 characters."));
            RuleFor(r => r.JstTerc).Matches("^[0-9]{2}([0-9]{2}([0-9]{3})?)?$").When(r => !string.IsNullOrWhiteSpace(r.JstTerc))
                .WithMessage(_ => Text.Pick("Wybierz JST z rejestru (kod TERC: 2, 4 lub 7 cyfr).", "Choose a JST from the registry (TERC code: 2, 4 or 7 digits)."));
            RuleFor(r => r.Role).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj stanowisko lub funkcję (do 200 znaków).", "Give your position or role (up to 200 characters)."));
            RuleFor(r => r.Needs).Must(needs => needs is null || needs.All(AccessibilityNeeds.Codes.Contains))
                .WithMessage(_ => Text.Pick($"Potrzeby wybierz spośród: {string.Join(", ", AccessibilityNeeds.Codes)}.",
                    $"Choose needs from: {string.Join(", ", AccessibilityNeeds.Codes)}."));
            RuleFor(r => r.Diet).Must((r, diet) => !string.IsNullOrWhiteSpace(diet) || r.Needs?.Contains(AccessibilityNeeds.Diet) != true)
                .WithMessage(_ => Text.Pick("Napisz, jakiej diety potrzebujesz.", "Say which diet you need."));
            RuleFor(r => r.Diet).MaximumLength(300)
                .WithMessage(_ => Text.Pick("Opis diety ma do 300 znaków.", "The diet has up to 300 characters."));
            RuleFor(r => r.NeedsNote).MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Opis innych potrzeb ma do 2000 znaków.", "Other needs have up to 2000 characters."));
            RuleFor(r => r.ConsentVersion).NotEmpty()
                .WithMessage(_ => Text.Pick("Podaj wersję treści zgód, którą pokazał formularz.", "Give the version of the consents' text the form showed."));
            RuleFor(r => r.ConsentProcessing).Equal(true)
                .WithMessage(_ => Text.Pick("Zgoda na przetwarzanie danych w celu udziału w konferencji jest potrzebna do zgłoszenia.",
                    "Consent to the processing of your data for the conference is needed to register."));
            RuleFor(r => r.SessionIds).Must(ids => ids is null || ids.Count <= ConferenceRequestValidator.MaxSessions)
                .WithMessage(_ => Text.Pick("Za dużo sesji.", "Too many sessions."));
        }
    }

    public static IEndpointRouteBuilder MapRegisterForConference(this IEndpointRouteBuilder api)
    {
        api.MapPost("/public/conferences/{id:guid}/registrations", HandleAsync)
            .WithName("RegisterForConference").WithSummary("Zgłoś się na konferencję / Register for a conference")
            .WithDescription("Bez konta. Odpowiedź: status pending (miejsce do potwierdzenia linkiem z e-maila do confirmBy) albo waitlisted (pozycja na liście). Link do zgłoszenia przychodzi tylko e-mailem. 400/409 wskazują pole w errors. / No account needed. The answer: pending (a place, to confirm through the mailed link by confirmBy) or waitlisted (with the position). The registration's link comes by mail only. 400/409 name the field in errors.")
            .WithMetadata(new BodySizeLimit(MaxBodyBytes))
            .Validate<RegistrationRequest>().Produces<RegistrationReceipt>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> HandleAsync(Guid id, RegistrationRequest request, HttpContext context, DataSession session, ConferenceLinks links,
        IOptions<ConferenceOptions> options, TimeProvider time)
    {
        if (!links.CanIssue)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: Text.Pick("Zapisy są chwilowo niedostępne.", "Registration is unavailable for now."),
                detail: Text.Pick("Wysyłanie łączy pocztą nie jest skonfigurowane (SchoolLinks:Secret).", "Mailing links is not configured (SchoolLinks:Secret)."));
        }
        var now = time.GetUtcNow();
        var jstTerc = string.IsNullOrWhiteSpace(request.JstTerc) ? null : request.JstTerc.Trim();
        var sessionIds = (request.SessionIds ?? []).Distinct().ToArray();
        // Checked before the conference is locked: none of it changes with the registrations that queue behind the lock.
        Places.Choice choice;
        if (await ConferenceRow.FindAsync(session, id) is not { } conference)
        {
            return ConferenceRow.NotFound();
        }
        if (conference.RegistrationAt(now) != ConferenceRow.Open)
        {
            return NotOpen(conference, now);
        }
        if (request.ConsentVersion != ConsentTexts.Version)
        {
            return Problems.FieldConflict("consentVersion", "Treść zgód się zmieniła.", "The consents' text has changed.",
                "Od otwarcia formularza zmieniła się treść zgód: wczytaj formularz ponownie i przeczytaj je.",
                "The consents' text changed since the form was opened: load the form again and read them.");
        }
        if (jstTerc is not null && !await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM jst WHERE terc = @jstTerc)", new { jstTerc }))
        {
            return Problems.Field("jstTerc", "Nie ma takiej JST w rejestrze: wybierz ją z listy.", "There is no such JST in the registry: choose it from the list.");
        }
        if (sessionIds.Length > 0 && await session.ExecuteScalarAsync<int>(
                "SELECT count(*)::int FROM conference_sessions WHERE conference_id = @id AND id = ANY (@sessionIds)", new { id, sessionIds }) != sessionIds.Length)
        {
            return Problems.Field("sessionIds", "Program konferencji nie ma takiej sesji.", "The conference's agenda has no such session.");
        }

        // From here on the conference is locked: registrations for it queue up, and each reads what those before it wrote.
        // Everything under the lock is three round trips and the commit, so the queue moves fast.
        var clientKey = ClientAddress.KeyOf(context, id);
        using (var locked = await session.QueryMultipleAsync(ConferenceRow.LockSql + RegistrationLimits.CountSql + Places.ChoiceSql,
                   new { id, clientKey, since = (now - RegistrationLimits.Window).ToUniversalTime(), jstTerc }))
        {
            conference = await locked.ReadSingleAsync<ConferenceRow>();
            var (count, first) = await locked.ReadSingleAsync<(int, DateTimeOffset?)>();
            var (reservation, free, waiting) = await locked.ReadSingleAsync<(Guid?, int, int)>();
            if (conference.RegistrationAt(now) != ConferenceRow.Open)
            {
                return NotOpen(conference, now);
            }
            if (RegistrationLimits.Refusal(context, options.Value.RegistrationsPerAddressPerHour, count, first, now) is { } limited)
            {
                return limited;
            }
            choice = Places.Choose(reservation, free, waiting);
        }
        var chosen = choice.Status == RegistrationStatus.Pending ? sessionIds : [];
        if (chosen.Length > 0 && await FullSessionsAsync(session, chosen) is { Count: > 0 } full)
        {
            return Problems.FieldConflict("sessionIds", "Brak miejsc w sesji.", "No seats left in a session.",
                $"Wszystkie miejsca zajęte: {string.Join("; ", full)}.", $"Every seat is taken: {string.Join("; ", full)}.");
        }

        var (registrationId, ticketId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (fullName, email) = (request.FullName.Trim(), request.Email.Trim());
        var confirmBy = now + options.Value.ConfirmationWindow;
        // One statement: the registration (unless the address has one: the unique index says so, whatever arrives at once),
        // its consents in the version shown, and its sessions.
        var inserted = await session.ExecuteScalarAsync<int>("""
            WITH registration AS (
                INSERT INTO conference_registrations (id, conference_id, ticket_id, token_hash, ticket_hash, status, reservation_id, waitlist_number,
                    full_name, email, sex, institution_kind, jst_terc, institution_name, role, needs, diet, needs_note, client_key, registered_at, confirm_by)
                VALUES (@registrationId, @id, @ticketId, @tokenHash, @ticketHash, @Status, @ReservationId,
                    CASE WHEN @Status = 'waitlisted' THEN nextval('conference_waitlist_numbers') END,
                    @fullName, @email, @Sex, @kind, @jstTerc, @institutionName, @role, @needs, @diet, @needsNote, @clientKey, @now, @confirmBy)
                ON CONFLICT DO NOTHING
                RETURNING id),
            consents AS (
                INSERT INTO conference_consents (registration_id, kind, version, given_at)
                SELECT registration.id, kind, @version, @now FROM registration, unnest(@kinds) AS kind),
            sessions AS (
                INSERT INTO conference_registration_sessions (registration_id, session_id) SELECT registration.id, unnest(@chosen) FROM registration)
            SELECT count(*)::int FROM registration
            """, new
        {
            registrationId, id, ticketId, tokenHash = links.TokenHashOf(registrationId), ticketHash = links.TicketHashOf(ticketId), choice.Status,
            choice.ReservationId, fullName, email, request.Sex, kind = jstTerc is null ? "other" : "jst", jstTerc,
            institutionName = jstTerc is null ? request.InstitutionName!.Trim() : null, role = request.Role.Trim(),
            needs = (request.Needs ?? []).Distinct().ToArray(), diet = Agenda.Blank(request.Diet), needsNote = Agenda.Blank(request.NeedsNote), clientKey,
            now = now.ToUniversalTime(), confirmBy = confirmBy.ToUniversalTime(), version = ConsentTexts.Version, chosen,
            kinds = ConsentTexts.Kinds.Where(kind => kind == ConsentTexts.Processing || (kind == ConsentTexts.Image && request.ConsentImage)
                || (kind == ConsentTexts.ParticipantList && request.ConsentParticipantList)).ToArray(),
        });
        if (inserted == 0)
        {
            return Problems.FieldConflict("email", "Ten adres jest już zgłoszony.", "This address has registered already.",
                "Na tę konferencję zgłoszono już ten adres e-mail. Zgłoszeniem zarządzasz przez łącze z wiadomości, którą wtedy wysłaliśmy.",
                "This e-mail address has already registered for the conference. Manage the registration through the link in the mail we sent then.");
        }
        await session.EnqueueAsync(RegistrationEvents.Received(conference, registrationId, fullName, email, choice.WaitlistPosition, confirmBy, links.PageUrl, now));
        await session.CommitAsync();
        ConferenceMetrics.Registered(choice.Outcome);
        return TypedResults.Created($"/api/publishing/public/conferences/{id}",
            new RegistrationReceipt(registrationId, id, choice.Status, choice.WaitlistPosition, WarsawTime.InWarsaw(confirmBy), chosen));
    }

    /// <summary>The titles of the sessions among <paramref name="ids"/> whose seats are all taken.</summary>
    public static async Task<List<string>> FullSessionsAsync(DataSession session, IReadOnlyCollection<Guid> ids) =>
        (await session.QueryAsync<string>("""
            SELECT title FROM conference_sessions WHERE id = ANY (@ids) AND capacity IS NOT NULL AND seats_taken >= capacity ORDER BY ordinal
            """, new { ids = ids.ToArray() })).ToList();

    private static IResult NotOpen(ConferenceRow conference, DateTimeOffset now) => conference.RegistrationAt(now) == ConferenceRow.NotYetOpen
        ? Problems.Conflict("Zapisy jeszcze się nie zaczęły.", "Registration has not opened yet.",
            $"Zapisy na tę konferencję otwieramy {WarsawTime.Format(conference.RegistrationOpensAt)}.",
            $"Registration for this conference opens on {WarsawTime.Format(conference.RegistrationOpensAt)}.")
        : Problems.Conflict("Zapisy są zamknięte.", "Registration has closed.",
            $"Zapisy na tę konferencję zamknęliśmy {WarsawTime.Format(conference.RegistrationClosesAt)}.",
            $"Registration for this conference closed on {WarsawTime.Format(conference.RegistrationClosesAt)}.");
}
