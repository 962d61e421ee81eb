using System.Globalization;
using Cro.BuildingBlocks.Exports;
using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Features.Conferences.Attendance;

/// <summary>
/// Attendance certificates (zaświadczenia o udziale), issued by the check-in that first meets the conference's rule
/// (<see cref="ConferenceRow.CertificateMinDays"/> days); a later day raises the days it states. The printout is drawn as
/// every certificate of the platform (<see cref="CertificatePrintout"/>). GET
/// /api/publishing/public/conference-registrations/{token}/certificate — the participant's PDF through their link (409
/// before it is issued); GET /api/publishing/conferences/{id}/registrations/{registrationId}/certificate — the same for ORE;
/// GET /api/publishing/public/conference-certificates?number= — anyone verifies a number (the web's page
/// <see cref="ConferenceLinks.VerificationPath"/> asks it): what was certified, and the holder's initials only, to compare
/// with the printout.
/// </summary>
public static class AttendanceCertificates
{
    public const string Issuer = "Ośrodek Rozwoju Edukacji";

    /// <param name="HolderInitials">The holder's initials (to compare with the printout); null once their data is erased.</param>
    [OpenApiSchemaName("ConferenceCertificateVerification")]
    public sealed record Verification(string Number, string ConferenceTitle, DateOnly StartsOn, DateOnly EndsOn, int DaysAttended, DateOnly IssuedOn,
        string Issuer, string? HolderInitials);

    private sealed record CertificateRow(string Number, Guid RegistrationId, Guid ConferenceId, string HolderName, int DaysAttended, DateTimeOffset IssuedAt,
        DateTimeOffset? ErasedAt)
    {
        public const string Select = """
            SELECT c.number, c.registration_id, c.conference_id, c.holder_name, c.days_attended, c.issued_at, r.erased_at
            FROM conference_certificates c JOIN conference_registrations r ON r.id = c.registration_id
            """;
    }

    /// <summary>Issues the certificate, or brings its days up to date, when <paramref name="daysAttended"/> meets the rule; its number, or null.</summary>
    public static async Task<string?> IssueAsync(DataSession session, ConferenceRow conference, RegistrationRow registration, int daysAttended,
        DateTimeOffset now)
    {
        if (daysAttended < conference.CertificateMinDays)
        {
            return null;
        }
        return await session.ExecuteScalarAsync<string>("""
            UPDATE conference_certificates SET days_attended = @daysAttended WHERE registration_id = @Id;
            INSERT INTO conference_certificates (id, number, registration_id, conference_id, holder_name, days_attended, issued_at)
            SELECT @certificateId, 'KONF/' || @year || '/' || lpad(nextval('conference_certificate_numbers')::text, 6, '0'), @Id, @ConferenceId, @FullName,
                   @daysAttended, @now
            WHERE NOT EXISTS (SELECT 1 FROM conference_certificates WHERE registration_id = @Id);
            SELECT number FROM conference_certificates WHERE registration_id = @Id;
            """, new
        {
            registration.Id, registration.ConferenceId, registration.FullName, daysAttended, certificateId = Guid.CreateVersion7(),
            year = WarsawTime.InWarsaw(now).Year.ToString(CultureInfo.InvariantCulture), now = now.ToUniversalTime(),
        });
    }

    public static IEndpointRouteBuilder MapAttendanceCertificates(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/conference-registrations/{token}/certificate", MineAsync)
            .WithName("MyConferenceCertificate").WithSummary("Moje zaświadczenie o udziale (PDF) / My attendance certificate (PDF)")
            .ProducesFile("application/pdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();
        api.MapGet("/conferences/{id:guid}/registrations/{registrationId:guid}/certificate", ForOperatorAsync)
            .WithName("ConferenceCertificate").WithSummary("Zaświadczenie o udziale uczestnika (PDF) / A participant's attendance certificate (PDF)")
            .ProducesFile("application/pdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/public/conference-certificates", VerifyAsync)
            .WithName("VerifyConferenceCertificate").WithSummary("Weryfikacja zaświadczenia o udziale po numerze / Verify an attendance certificate by its number")
            .Produces<Verification>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> MineAsync(string token, HttpContext context, [RepeatableRead] DataSession session, ConferenceLinks links) =>
        await ParticipantLink.FindAsync(session, token) is { } registration
            ? await PdfAsync(context, session, links, registration.Id)
            : ParticipantLink.NotFound();

    private static async Task<IResult> ForOperatorAsync(Guid id, Guid registrationId, HttpContext context, [RepeatableRead] DataSession session,
        ConferenceLinks links) =>
        await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM conference_registrations WHERE id = @registrationId AND conference_id = @id)",
            new { id, registrationId })
            ? await PdfAsync(context, session, links, registrationId)
            : ProblemDetailsDefaults.NotFound("Konferencja nie ma takiego zgłoszenia.", "The conference has no such registration.");

    private static async Task<IResult> PdfAsync(HttpContext context, DataSession session, ConferenceLinks links, Guid registrationId)
    {
        if (await session.QuerySingleOrDefaultAsync<CertificateRow>(CertificateRow.Select + " WHERE c.registration_id = @registrationId",
                new { registrationId }) is not { } certificate)
        {
            return Problems.Conflict("Zaświadczenia jeszcze nie ma.", "There is no certificate yet.",
                "Zaświadczenie wydajemy po zarejestrowaniu obecności na konferencji przez wymaganą liczbę dni.",
                "The certificate is issued once attendance is recorded on the required number of the conference's days.");
        }
        var conference = (await ConferenceRow.FindAsync(session, certificate.ConferenceId, drafts: true))!;
        var registration = (await RegistrationRow.FindAsync(session, registrationId))!;
        var days = (await session.QueryAsync<DateOnly>("SELECT day FROM conference_attendance WHERE registration_id = @registrationId ORDER BY day",
            new { registrationId })).ToList();
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(CertificatePrintout.Render(Content(certificate, conference, registration, days, links)), "application/pdf",
            $"zaswiadczenie-{certificate.Number.Replace('/', '-')}.pdf");
    }

    private static CertificateContent Content(CertificateRow certificate, ConferenceRow conference, RegistrationRow registration, IReadOnlyList<DateOnly> days,
        ConferenceLinks links) =>
        new(certificate.Number, certificate.HolderName, Issuer, certificate.IssuedAt, links.VerificationUrl(certificate.Number))
        {
            HolderLines = registration.ErasedAt is null && registration.Institution is { } institution ? [institution] : [],
            Body =
            [
                new($"wziął(-ęła) udział w konferencji „{conference.Title}”, zorganizowanej przez Ośrodek Rozwoju Edukacji w programie " +
                    $"„Cyfrowy Rozwój Oświaty”, {Dates(conference)}{(conference.Place is { } place ? $", {place}" : ", online")}."),
                new($"Obecność potwierdzona w dniach ({days.Count} z {conference.Days.Count}):", SpaceBefore: 6),
                .. days.Select(day => new CertificateParagraph(WarsawTime.InLetter(day), Indented: true)),
            ],
            Notes = [CertificatePrintout.Funding],
        };

    private static string Dates(ConferenceRow conference) => conference.Days.Count == 1
        ? WarsawTime.InLetter(conference.Days[0])
        : $"{WarsawTime.InLetter(conference.Days[0])} – {WarsawTime.InLetter(conference.Days[^1])}";

    private static async Task<IResult> VerifyAsync(DataSession session, string? number = null)
    {
        var normalised = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised) || normalised.Length > 40)
        {
            return Problems.Field("number", "Podaj numer zaświadczenia, np. KONF/2027/000123.", "Give the certificate's number, e.g. KONF/2027/000123.");
        }
        if (await session.QuerySingleOrDefaultAsync<CertificateRow>(CertificateRow.Select + " WHERE c.number = @normalised", new { normalised })
            is not { } certificate)
        {
            return ProblemDetailsDefaults.NotFound("Nie wydaliśmy zaświadczenia o tym numerze.", "No certificate with this number was issued.");
        }
        var conference = (await ConferenceRow.FindAsync(session, certificate.ConferenceId, drafts: true))!;
        return TypedResults.Ok(new Verification(certificate.Number, conference.Title, conference.Days[0], conference.Days[^1], certificate.DaysAttended,
            ConferenceRow.WarsawDay(certificate.IssuedAt), Issuer, certificate.ErasedAt is null ? Initials(certificate.HolderName) : null));
    }

    /// <summary>"Anna Maria Nowak-Kowalska" → "A. M. N."</summary>
    private static string Initials(string name) =>
        string.Join(" ", name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => $"{char.ToUpperInvariant(part[0])}."));
}
