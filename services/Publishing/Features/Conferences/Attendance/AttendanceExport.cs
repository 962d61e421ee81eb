using System.Globalization;
using Cro.BuildingBlocks.Exports;
using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Features.Conferences.Attendance;

/// <summary>
/// GET /api/publishing/conferences/{id}/attendance/export?format=csv|xlsx — the attendance list for ORE's records: one row
/// per person who held a place or was checked in, with their institution, sex, a column per conference day (the time they
/// were checked in), the certificate's number, and their consents to the participant list and to image recording (so the
/// list handed out and the photographs published respect them). Words for people, codes in the last columns.
/// </summary>
public static class AttendanceExport
{
    private sealed record Row(Guid Id, string FullName, string? Email, string Status, string Sex, string InstitutionKind, string? JstTerc, string? JstName,
        string? InstitutionName, string? Role, bool ListConsent, bool ImageConsent, string? CertificateNumber);

    public static IEndpointRouteBuilder MapAttendanceExport(this IEndpointRouteBuilder api)
    {
        api.MapGet("/conferences/{id:guid}/attendance/export", HandleAsync)
            .WithName("ExportConferenceAttendance").WithSummary("Lista obecności konferencji (CSV, XLSX) / A conference's attendance list (CSV, XLSX)")
            .ProducesTable().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session, string format = TableExport.Csv)
    {
        if (TableExport.FormatRefusal(format) is { } refusal)
        {
            return refusal;
        }
        if (await ConferenceRow.FindAsync(session, id, drafts: true) is not { } conference)
        {
            return ConferenceRow.NotFound();
        }
        var people = (await session.QueryAsync<Row>("""
            SELECT r.id, r.full_name, r.email, r.status, r.sex, r.institution_kind, r.jst_terc, j.name AS jst_name, r.institution_name, r.role,
                   EXISTS (SELECT 1 FROM conference_consents c WHERE c.registration_id = r.id AND c.kind = 'participant-list' AND c.withdrawn_at IS NULL) AS list_consent,
                   EXISTS (SELECT 1 FROM conference_consents c WHERE c.registration_id = r.id AND c.kind = 'image' AND c.withdrawn_at IS NULL) AS image_consent,
                   (SELECT number FROM conference_certificates c WHERE c.registration_id = r.id) AS certificate_number
            FROM conference_registrations r LEFT JOIN jst j ON j.terc = r.jst_terc
            WHERE r.conference_id = @id AND (r.holds_place OR EXISTS (SELECT 1 FROM conference_attendance a WHERE a.registration_id = r.id))
            ORDER BY r.full_name COLLATE "pl-x-icu", r.id
            """, new { id })).ToList();
        var attendance = (await session.QueryAsync<(Guid RegistrationId, DateOnly Day, DateTimeOffset CheckedInAt)>(
            "SELECT registration_id, day, checked_in_at FROM conference_attendance WHERE conference_id = @id", new { id }))
            .ToDictionary(a => (a.RegistrationId, a.Day), a => a.CheckedInAt);
        var days = conference.Days;
        string[] headers =
        [
            "Lp.", "Imię i nazwisko", "E-mail", "Instytucja", "Kod TERYT", "Stanowisko", "Płeć", "Stan zgłoszenia",
            .. days.Select(day => $"Obecność {day:yyyy-MM-dd}"), "Zaświadczenie", "Zgoda na listę uczestników", "Zgoda na wizerunek", "plec_kod", "stan_kod",
        ];
        var rows = people.Select((p, i) => (IReadOnlyList<string?>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), p.FullName, p.Email, p.InstitutionKind == "jst" ? p.JstName ?? p.JstTerc : p.InstitutionName,
            p.JstTerc, p.Role, SexCategories.Label(p.Sex), RegistrationStatus.Label(p.Status),
            .. days.Select(day => attendance.TryGetValue((p.Id, day), out var at) ? WarsawTime.InWarsaw(at).ToString("HH:mm", CultureInfo.InvariantCulture) : ""),
            p.CertificateNumber, p.ListConsent ? "tak" : "nie", p.ImageConsent ? "tak" : "nie", p.Sex, p.Status,
        ]).ToList();
        return await TableExport.WriteAsync(context.Response, format, $"lista-obecnosci-konferencja-{days[0]:yyyyMMdd}", headers, rows, session.Cancellation);
    }
}
