using Cro.ServiceDefaults.Security;
using static Cro.Notifications.Features.Webhooks.Catalogue.WebhookEventTypes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>Advisory's events for the partner (scope advisory.read): engagements and meetings held, without the advisor's or participants' names.</summary>
public static class AdvisoryWebhooks
{
    /// <param name="Handover">Whether another advisor took over an existing engagement (its budget and meetings stay).</param>
    public sealed record AdvisorAssignedData(Guid EngagementId, Guid ApplicationId, Guid RoundId, string JstTerc, DateOnly StartsOn,
        DateOnly EndsOn, decimal HoursBudget, bool Handover);

    /// <param name="Stage">The stage of the JST's work the meeting served (diagnosis, plan, implementation …).</param>
    public sealed record AdvisoryMeetingHeldData(Guid MeetingId, Guid EngagementId, Guid RoundId, string JstTerc, DateTimeOffset StartsAt,
        int HeldMinutes, string Stage, int Participants);

    /// <param name="How">term (the end date came) or early.</param>
    public sealed record EngagementEndedData(Guid EngagementId, Guid ApplicationId, Guid RoundId, string JstTerc, string How, decimal HoursHeld);

    /// <param name="Kind">dialogue or debate.</param>
    /// <param name="Participants">Who was present by stakeholder type (school-directors, teachers, parents, pupils, employers, ngos, councillors, others).</param>
    public sealed record DialogueMeetingHeldData(Guid DialogueMeetingId, Guid RoundId, string JstTerc, string Kind, DateTimeOffset HeldAt,
        IReadOnlyDictionary<string, int> Participants);

    private static readonly Guid ExampleEngagement = Guid.Parse("0193c1e0-2b00-7a4f-9d3e-1c2b3a4d5e03");
    private static readonly Guid ExampleApplication = Guid.Parse("0193a0c4-5a10-7c2e-9a4b-2f1d6e8b7c01");
    private static readonly Guid ExampleRound = Guid.Parse("0193a0c0-1f00-7d11-8e2a-6b5c4d3e2f10");

    public static readonly IReadOnlyList<WebhookEventType> Types =
    [
        Of<AdvisorAssigned, AdvisorAssignedData>("advisory.advisor-assigned", WebhookModule.Advisory, Scopes.AdvisoryRead,
            "Doradca podjął doradztwo dla JST (nowe lub przekazane). / An advisor took up the JST's advisory (new, or handed over).",
            e => e.JstTerc, e => e.AssignedAt,
            e => new(e.EngagementId, e.ApplicationId, e.RoundId, e.JstTerc, e.StartsOn, e.EndsOn, e.HoursBudget, e.PreviousAdvisorId is not null),
            new(ExampleEngagement, ExampleApplication, ExampleRound, "1465011", new DateOnly(2025, 1, 2), new DateOnly(2025, 12, 31), 40m, false)),
        Of<AdvisoryMeetingHeld, AdvisoryMeetingHeldData>("advisory.meeting-held", WebhookModule.Advisory, Scopes.AdvisoryRead,
            "Spotkanie doradcze z JST się odbyło. / An advisory meeting with the JST was held.",
            e => e.JstTerc, e => e.RecordedAt,
            e => new(e.MeetingId, e.EngagementId, e.RoundId, e.JstTerc, e.StartsAt, e.HeldMinutes, e.Stage, e.Participants),
            new(Guid.Parse("0193c5a0-3c00-7b5e-8f4d-2d3c4b5a6f04"), ExampleEngagement, ExampleRound, "1465011",
                new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), 90, "diagnosis", 4)),
        Of<EngagementEnded, EngagementEndedData>("advisory.engagement-ended", WebhookModule.Advisory, Scopes.AdvisoryRead,
            "Doradztwo dla JST się zakończyło. / The JST's advisory ended.",
            e => e.JstTerc, e => e.EndedAt, e => new(e.EngagementId, e.ApplicationId, e.RoundId, e.JstTerc, e.How, e.HoursHeld),
            new(ExampleEngagement, ExampleApplication, ExampleRound, "1465011", "term", 38.5m)),
        Of<DialogueMeetingHeld, DialogueMeetingHeldData>("advisory.dialogue-meeting-held", WebhookModule.Advisory, Scopes.AdvisoryRead,
            "Spotkanie dialogowe w JST się odbyło (obecni policzeni według grup). / A dialogue meeting in the JST was held.",
            e => e.JstTerc, e => e.RecordedAt, e => new(e.DialogueMeetingId, e.RoundId, e.JstTerc, e.Kind, e.HeldAt, e.Present),
            new(Guid.Parse("0193c6b0-4d00-7c6f-9a5e-3e4d5c6b7a05"), ExampleRound, "1465011", "dialogue",
                new DateTimeOffset(2025, 4, 10, 16, 0, 0, TimeSpan.Zero), new Dictionary<string, int> { ["teachers"] = 12, ["parents"] = 7 })),
    ];
}
