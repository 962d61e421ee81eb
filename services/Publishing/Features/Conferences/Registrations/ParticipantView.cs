namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// A registration as its participant sees it through their link, with everything kept about them (it is also their data
/// export): status, the conference, what they gave, consents with their history, sessions chosen, attendance, certificate.
/// </summary>
/// <param name="Status">pending, confirmed, waitlisted, offered, cancelled, expired, declined or lapsed.</param>
/// <param name="AddressConfirmed">Whether the address was confirmed (by <paramref name="ConfirmBy"/>, or the registration expires).</param>
/// <param name="WaitlistPosition">How many wait ahead, plus one, while waiting.</param>
/// <param name="OfferExpiresAt">Until when an offered place is held.</param>
/// <param name="TicketAvailable">Whether the ticket (QR code for the door) can be downloaded: with a confirmed place.</param>
/// <param name="CertificateAvailable">Whether the attendance certificate can be downloaded: attended enough days.</param>
[OpenApiSchemaName("ConferenceParticipantRegistration")]
public sealed record ParticipantView(Guid Id, string Status, string StatusLabel, bool AddressConfirmed, DateTimeOffset ConfirmBy, int? WaitlistPosition,
    DateTimeOffset? OfferExpiresAt, ParticipantConference Conference, string FullName, string? Email, string Sex, string InstitutionKind,
    string? JstTerc, string? JstName, string? InstitutionName, string? Role, IReadOnlyList<string> Needs, string? Diet, string? NeedsNote,
    IReadOnlyList<ConsentRecord> Consents, IReadOnlyList<Guid> SessionIds, IReadOnlyList<AttendanceDay> Attendance, IssuedCertificate? Certificate,
    bool TicketAvailable, bool CertificateAvailable, DateTimeOffset RegisteredAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? OfferedAt,
    DateTimeOffset? EndedAt, DateTimeOffset? ErasedAt);

/// <param name="OnlineUrl">The online meeting's link, given with a confirmed place.</param>
[OpenApiSchemaName("ConferenceParticipantConference")]
public sealed record ParticipantConference(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, Uri? OnlineUrl);

/// <param name="Kind">processing, image or participant-list.</param>
/// <param name="Version">The version of the consent's text given.</param>
[OpenApiSchemaName("ConferenceConsent")]
public sealed record ConsentRecord(string Kind, string Version, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);

[OpenApiSchemaName("ConferenceAttendanceDay")]
public sealed record AttendanceDay(DateOnly Day, DateTimeOffset CheckedInAt);

[OpenApiSchemaName("ConferenceCertificateIssued")]
public sealed record IssuedCertificate(string Number, DateTimeOffset IssuedAt, Uri VerificationUrl);

public static class ParticipantViews
{
    private sealed record CertificateRow(string Number, DateTimeOffset IssuedAt);

    public static async Task<ParticipantView> ReadAsync(DataSession session, ConferenceRow conference, RegistrationRow r, ConferenceLinks links)
    {
        using var rows = await session.QueryMultipleAsync("""
            SELECT kind, version, given_at, withdrawn_at FROM conference_consents WHERE registration_id = @Id ORDER BY given_at, kind;
            SELECT session_id FROM conference_registration_sessions WHERE registration_id = @Id;
            SELECT day, checked_in_at FROM conference_attendance WHERE registration_id = @Id ORDER BY day;
            SELECT number, issued_at FROM conference_certificates WHERE registration_id = @Id;
            """, new { r.Id });
        var consents = (await rows.ReadAsync<ConsentRecord>()).ToList();
        var sessions = (await rows.ReadAsync<Guid>()).ToList();
        var attendance = (await rows.ReadAsync<AttendanceDay>()).ToList();
        var certificate = await rows.ReadSingleOrDefaultAsync<CertificateRow>();
        var confirmed = r.Status == RegistrationStatus.Confirmed;
        return new ParticipantView(r.Id, r.Status, RegistrationStatus.Label(r.Status), r.ConfirmedAt is not null, WarsawTime.InWarsaw(r.ConfirmBy),
            await r.WaitlistPositionAsync(session), r.Status == RegistrationStatus.Offered ? WarsawTime.InWarsaw(r.OfferExpiresAt!.Value) : null,
            new ParticipantConference(conference.Id, conference.Title, WarsawTime.InWarsaw(conference.StartsAt), WarsawTime.InWarsaw(conference.EndsAt),
                conference.Place, confirmed ? conference.Online : null),
            r.FullName, r.Email, r.Sex, r.InstitutionKind, r.JstTerc, r.JstName, r.InstitutionName, r.Role, r.Needs, r.Diet, r.NeedsNote,
            [.. consents.Select(c => c with { GivenAt = WarsawTime.InWarsaw(c.GivenAt), WithdrawnAt = c.WithdrawnAt is { } w ? WarsawTime.InWarsaw(w) : null })],
            sessions, [.. attendance.Select(a => a with { CheckedInAt = WarsawTime.InWarsaw(a.CheckedInAt) })],
            certificate is { } issued ? new IssuedCertificate(issued.Number, WarsawTime.InWarsaw(issued.IssuedAt), links.VerificationUrl(issued.Number)) : null,
            confirmed, certificate is not null || (confirmed && attendance.Count >= conference.CertificateMinDays),
            WarsawTime.InWarsaw(r.RegisteredAt), Local(r.ConfirmedAt), Local(r.OfferedAt), Local(r.EndedAt), Local(r.ErasedAt));
    }

    private static DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } at ? WarsawTime.InWarsaw(at) : null;
}
