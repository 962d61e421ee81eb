namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// Asks notifications to mail a school director's link (SchoolLinkMailRequested): the event names the link, never its
/// token, which notifications derives (<see cref="LinkTokens"/>). The director's form is a page of the web.
/// </summary>
public static class SchoolLinkMail
{
    /// <summary>The web's page of the director's form (Web/Diagnosis/Public/DirectorQuestionnaire.razor), relative to the platform's public address; the token follows.</summary>
    public const string FormPath = "diagnoza/ankieta/";

    public sealed record MailedLink(Guid DiagnosisId, Guid QuestionnaireId, Guid LinkId, string JstTerc, string SchoolName, string DirectorEmail,
        DateTimeOffset? ExpiresAt);

    public static async Task EnqueueAsync(DataSession session, IConfiguration configuration, HttpRequest request, MailedLink link, string occasion,
        DateTimeOffset now) =>
        await session.EnqueueAsync(new SchoolLinkMailRequested
        {
            DiagnosisId = link.DiagnosisId, QuestionnaireId = link.QuestionnaireId, LinkId = link.LinkId, JstTerc = link.JstTerc,
            JstName = await session.ExecuteScalarAsync<string?>("SELECT name FROM jst WHERE terc = @JstTerc", new { link.JstTerc }),
            SchoolName = link.SchoolName, DirectorEmail = link.DirectorEmail, FormUrl = new Uri(PublicAddress.Of(configuration, request), FormPath),
            ExpiresAt = link.ExpiresAt, Occasion = occasion, RequestedAt = now,
        });

    /// <summary>422 when links cannot be mailed here: the secret notifications derives their tokens with is not set.</summary>
    public static IResult NotConfigured() => Problems.Unprocessable(
        "Wysyłanie łączy pocztą nie jest skonfigurowane (brak ustawienia SchoolLinks:Secret); przekaż łącze dyrektorowi samodzielnie.",
        "Mailing links is not configured (SchoolLinks:Secret is not set); pass the link on to the director yourself.");
}
