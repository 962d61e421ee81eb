using System.Security.Claims;
using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;
using Dapper;

namespace Cro.Training.Features.Certificates;

/// <summary>
/// A certificate (zaświadczenie) with everything its printout says: who, from which JST, the programme's
/// modules and hours, when it was issued, whether it is still valid, and where anyone can verify it.
/// </summary>
public sealed record CertificateView(Guid Id, string Number, string HolderName, string JstName, string JstTerc, int ProgrammeVersion,
    string Programme, string Issuer, DateTimeOffset IssuedAt, bool Valid, DateTimeOffset? RevokedAt, bool ShowName,
    IReadOnlyList<CertificateModule> Modules, decimal TotalHours, Uri VerificationUrl);

public sealed record CertificateModule(string Code, string Title, decimal Hours);

internal sealed record CertificateRow(Guid Id, string Number, Guid ParticipantId, Guid CohortId, string JstTerc, string JstName, string HolderName,
    string HolderEmail, int ProgrammeVersion, DateTimeOffset IssuedAt, bool ShowName, DateTimeOffset? RevokedAt)
{
    public const string Select = """
        SELECT c.id, c.number, c.participant_id, c.cohort_id, c.jst_terc, c.jst_name, c.holder_name, p.email AS holder_email, c.programme_version,
               c.issued_at, c.show_name, c.revoked_at
        FROM certificates c JOIN participants p ON p.id = c.participant_id
        """;
}

internal static class CertificateText
{
    /// <summary>The project the training belongs to, as the seed's project card names it.</summary>
    public const string Programme = "Szkolenie kadr JST w projekcie „Cyfrowy Rozwój Oświaty”";

    public const string Issuer = "Ośrodek Rozwoju Edukacji";

    /// <summary>Where anyone verifies a number: the web's public verification page (which asks this service).</summary>
    public static Uri VerificationUrl(Uri publicAddress, string number) =>
        new(publicAddress, $"zaswiadczenia/weryfikacja?numer={Uri.EscapeDataString(number)}");
}

internal static class Certificates
{
    /// <summary>
    /// Certificate <paramref name="id"/> for its holder, the trainers of its cohort and operators; null for anyone else.
    /// <paramref name="holderOnly"/> narrows it to the holder (their consent is theirs alone). Runs under the caller's scope.
    /// </summary>
    public static async Task<CertificateRow?> OpenAsync(DataSession session, ClaimsPrincipal user, Guid id, bool holderOnly = false)
    {
        var caller = Caller.From(user);
        if (await session.QuerySingleOrDefaultAsync<CertificateRow>(CertificateRow.Select + " WHERE c.id = @id", new { id }) is not { } certificate)
        {
            return null;
        }
        if ((await ParticipantRow.MineAsync(session, caller)).Any(p => p.Id == certificate.ParticipantId))
        {
            return certificate;
        }
        return !holderOnly && await CohortAccess.RunsAsync(session, caller, certificate.CohortId) ? certificate : null;
    }

    public static async Task<CertificateView> ViewAsync(DataSession session, CertificateRow certificate, Uri publicAddress)
    {
        var modules = (await session.QueryAsync<CertificateModule>(
            "SELECT code, title, hours FROM programme_modules WHERE version = @ProgrammeVersion ORDER BY ordinal", new { certificate.ProgrammeVersion })).AsList();
        return new CertificateView(certificate.Id, certificate.Number, certificate.HolderName, certificate.JstName, certificate.JstTerc,
            certificate.ProgrammeVersion, CertificateText.Programme, CertificateText.Issuer, certificate.IssuedAt, certificate.RevokedAt is null,
            certificate.RevokedAt, certificate.ShowName, modules, modules.Sum(m => m.Hours), CertificateText.VerificationUrl(publicAddress, certificate.Number));
    }

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiego zaświadczenia albo nie masz do niego dostępu.", "There is no such certificate, or you have no access to it.");

    public static IResult Revoked() => Problems.Conflict("Zaświadczenie unieważnione.", "The certificate is revoked.",
        "Szkolenie przestało być ukończone (korekta obecności), więc zaświadczenie nie jest już ważne.",
        "The training is no longer complete (an attendance correction), so the certificate is no longer valid.");
}
