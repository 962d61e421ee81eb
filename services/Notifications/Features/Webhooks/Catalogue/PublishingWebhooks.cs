using Cro.ServiceDefaults.Security;
using static Cro.Notifications.Features.Webhooks.Catalogue.WebhookEventTypes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>
/// Publishing's events for the partner: its member JST's good practices through review (scope practices.write, the scope
/// the partner submits them with), and conference attendance by JST (scope monitoring.read), never naming a person.
/// </summary>
public static class PublishingWebhooks
{
    public sealed record PracticePublishedData(Guid PracticeId, string JstTerc, int Version, IReadOnlyList<string> Topics, Uri PracticeUrl);

    public sealed record PracticeUnpublishedData(Guid PracticeId, string JstTerc);

    /// <param name="Stage">Who asked: advisor or editor.</param>
    public sealed record PracticeChangesRequestedData(Guid PracticeId, string JstTerc, int Version, string Stage);

    /// <param name="InstitutionKind">jst (a JST of the registry) or other.</param>
    public sealed record ConferenceAttendedData(Guid ConferenceId, DateOnly Day, string InstitutionKind, string? JstTerc);

    private static readonly Guid ExamplePractice = Guid.Parse("01940a10-8b00-7a0d-9e9c-7c8b9a0f1e09");

    public static readonly IReadOnlyList<WebhookEventType> Types =
    [
        Of<GoodPracticePublished, PracticePublishedData>("practice.published", WebhookModule.Practices, Scopes.PracticesWrite,
            "Dobra praktyka JST opublikowana w katalogu. / The JST's good practice was published in the catalogue.",
            e => e.JstTerc, e => e.PublishedAt, e => new(e.PracticeId, e.JstTerc, e.Version, e.Topics, e.PracticeUrl),
            new(ExamplePractice, "1465011", 1, ["digital-exclusion"], new Uri("https://cro.example.gov.pl/dobre-praktyki/01940a10-8b00-7a0d-9e9c-7c8b9a0f1e09"))),
        Of<GoodPracticeUnpublished, PracticeUnpublishedData>("practice.unpublished", WebhookModule.Practices, Scopes.PracticesWrite,
            "Dobra praktyka JST wycofana z katalogu. / The JST's good practice was withdrawn from the catalogue.",
            e => e.JstTerc, e => e.UnpublishedAt, e => new(e.PracticeId, e.JstTerc),
            new(ExamplePractice, "1465011")),
        Of<GoodPracticeChangesRequested, PracticeChangesRequestedData>("practice.changes-requested", WebhookModule.Practices, Scopes.PracticesWrite,
            "Oceniający poprosił o poprawki w opisie dobrej praktyki. / The reviewer asked for changes to the practice.",
            e => e.JstTerc, e => e.RequestedAt, e => new(e.PracticeId, e.JstTerc, e.Version, e.Stage),
            new(ExamplePractice, "1465011", 1, "editor")),
        Of<ConferenceAttended, ConferenceAttendedData>("conference.attended", WebhookModule.Conferences, Scopes.MonitoringRead,
            "Uczestnik konferencji odnotowany w danym dniu (bez danych osoby). / A conference participant was checked in that day (no personal data).",
            e => e.JstTerc, e => e.AttendedAt, e => new(e.ConferenceId, e.Day, e.InstitutionKind, e.JstTerc),
            new(Guid.Parse("01941b20-9c00-7b1e-8f0d-8d9c0b1a2f10"), new DateOnly(2025, 10, 21), "jst", "1465011")),
    ];
}
