using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Features.Conferences.Attendance;

/// <summary>
/// POST /api/publishing/conferences/{id}/check-ins — the staff at the door scan a participant's ticket: the code (or the
/// whole address the QR code holds) records their attendance on the day (today in Warsaw unless given; a day the
/// conference does not take place on is 409 naming day). The first scan of a day counts and is announced
/// (ConferenceAttended: monitoring counts people reached); scanning again answers the same with alreadyCheckedIn and
/// writes nothing. The answer shows whom the ticket names and what they need, so the staff can check and help. A code of
/// no ticket of this conference is 404; one of a registration without a confirmed place 409. Once attendance reaches the
/// conference's rule, the attendance certificate is issued (<see cref="AttendanceCertificates"/>).
/// </summary>
public static class CheckIn
{
    /// <param name="Code">The ticket's code, or the whole address its QR code holds.</param>
    /// <param name="Day">The conference day to record (Warsaw date); today when not given.</param>
    [OpenApiSchemaName("ConferenceCheckInRequest")]
    public sealed record CheckInRequest(
        [property: FieldLabel("Kod z biletu", "Ticket code")] string Code,
        [property: FieldLabel("Dzień konferencji", "Conference day")] DateOnly? Day = null);

    /// <param name="AlreadyCheckedIn">Whether this day was recorded before (the scan changed nothing).</param>
    /// <param name="DaysAttended">Days recorded so far, this one included.</param>
    [OpenApiSchemaName("ConferenceCheckIn")]
    public sealed record CheckInResult(Guid RegistrationId, string FullName, string? Institution, DateOnly Day, DateTimeOffset CheckedInAt,
        bool AlreadyCheckedIn, int DaysAttended, IReadOnlyList<string> Needs, string? CertificateNumber);

    public sealed class Validator : AbstractValidator<CheckInRequest>
    {
        public Validator() => RuleFor(r => r.Code).RequiredText(500)
            .WithMessage(_ => Text.Pick("Zeskanuj kod z biletu albo go wpisz.", "Scan the ticket's code or type it in."));
    }

    public static IEndpointRouteBuilder MapCheckIn(this IEndpointRouteBuilder api)
    {
        api.MapPost("/conferences/{id:guid}/check-ins", HandleAsync)
            .WithName("CheckInConferenceParticipant").WithSummary("Zarejestruj obecność z biletu / Check a participant in from their ticket")
            .WithDescription("code: kod z biletu albo cały adres z kodu QR (konferencje/bilet/{kod}); day: dzień konferencji, domyślnie dziś. Ponowne skanowanie daje alreadyCheckedIn=true i nic nie zapisuje. / code: the ticket's code or the whole address its QR code holds (konferencje/bilet/{code}); day: a conference day, today by default. Scanning again answers alreadyCheckedIn=true and writes nothing.")
            .Validate<CheckInRequest>().Produces<CheckInResult>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(Guid id, CheckInRequest request, HttpContext context, DataSession session, ConferenceLinks links,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConferenceRow.FindAsync(session, id, drafts: true) is not { } conference)
        {
            return ConferenceRow.NotFound();
        }
        var day = request.Day ?? ConferenceRow.WarsawDay(now);
        if (!conference.Days.Contains(day))
        {
            return Problems.FieldConflict("day", "Konferencja nie odbywa się tego dnia.", "The conference does not take place that day.",
                $"Dni konferencji: {string.Join(", ", conference.Days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}.",
                $"The conference's days: {string.Join(", ", conference.Days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}.");
        }
        var code = request.Code.Trim().TrimEnd('/');
        code = code[(code.LastIndexOf('/') + 1)..];
        // Locked: a scan and the participant's cancellation at one moment are one after the other.
        var registration = LinkTokens.Hash(code) is { } hash
            ? await session.QuerySingleOrDefaultAsync<RegistrationRow>(RegistrationRow.Select +
                " WHERE r.ticket_hash = @hash AND r.conference_id = @id FOR UPDATE OF r", new { hash, id })
            : null;
        if (registration is null)
        {
            return ProblemDetailsDefaults.NotFound("Ten kod nie jest biletem na tę konferencję.", "This code is no ticket for this conference.");
        }
        if (registration.Status != RegistrationStatus.Confirmed)
        {
            return Problems.Conflict("Brak potwierdzonego miejsca.", "No confirmed place.",
                $"Zgłoszenie ma stan: {RegistrationStatus.Label(registration.Status)}.", $"The registration's status: {RegistrationStatus.Label(registration.Status)}.");
        }
        var recorded = await session.QuerySingleOrDefaultAsync<DateTimeOffset?>("""
            INSERT INTO conference_attendance (registration_id, conference_id, day, checked_in_at, checked_in_by)
            VALUES (@registrationId, @conferenceId, @day, @now, @by)
            ON CONFLICT DO NOTHING
            RETURNING checked_in_at
            """, new { registrationId = registration.Id, conferenceId = id, day, now = now.ToUniversalTime(), by = context.User.PersonId() });
        var first = recorded is not null;
        if (first)
        {
            await session.EnqueueAsync(new ConferenceAttended
            {
                ConferenceId = id, ConferenceTitle = conference.Title, ConferenceStartsAt = conference.StartsAt, RegistrationId = registration.Id,
                ParticipantKey = links.ParticipantKeyOf(registration.Email!), Day = day, Sex = registration.Sex, InstitutionKind = registration.InstitutionKind,
                JstTerc = registration.JstTerc, JstKind = registration.JstKind, AttendedAt = now,
            });
        }
        var checkedInAt = recorded ?? await session.QuerySingleAsync<DateTimeOffset>(
            "SELECT checked_in_at FROM conference_attendance WHERE registration_id = @Id AND day = @day", new { registration.Id, day });
        var days = await session.ExecuteScalarAsync<int>("SELECT count(*)::int FROM conference_attendance WHERE registration_id = @Id", new { registration.Id });
        var certificate = await AttendanceCertificates.IssueAsync(session, conference, registration, days, now);
        await session.CommitAsync();
        if (first)
        {
            ConferenceMetrics.CheckedIn();
        }
        return TypedResults.Ok(new CheckInResult(registration.Id, registration.FullName, registration.Institution, day, WarsawTime.InWarsaw(checkedInAt),
            !first, days, registration.Needs, certificate));
    }
}
