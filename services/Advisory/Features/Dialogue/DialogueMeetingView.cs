namespace Cro.Advisory.Features.Dialogue;

/// <summary>
/// A dialogue meeting or education debate as its JST's team, its advisor and ORE see it: what, when and where, the
/// stakeholders invited and present by type, the minutes and conclusions, the scanned attendance lists, and for a
/// debate open to registration its public link's token, capacity and registrations so far.
/// </summary>
public sealed record DialogueMeetingView(Guid Id, Guid EngagementId, string JstTerc, string Kind, string Topic, DateTimeOffset StartsAt, string Place,
    string Status, IReadOnlyDictionary<string, int> Invited, IReadOnlyDictionary<string, int>? Present, string? Minutes, string? Conclusions,
    string? RegistrationToken, int? Capacity, int Registered, IReadOnlyList<DialogueAttachment> Attachments);

/// <summary>A file kept with a dialogue meeting (the scanned attendance list).</summary>
public sealed record DialogueAttachment(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt);

internal sealed record DialogueMeetingRow(Guid Id, Guid EngagementId, Guid RoundId, string JstTerc, string JstName, string Kind, string Topic,
    DateTimeOffset StartsAt, string Place, string Status, string Invited, string? Present, string? Minutes, string? Conclusions,
    string? RegistrationToken, int? Capacity, int Registered)
{
    public const string Select = """
        SELECT d.id, d.engagement_id, e.round_id, d.jst_terc, t.jst_name, d.kind, d.topic, d.starts_at, d.place, d.status, d.invited::text AS invited,
               d.present::text AS present, d.minutes, d.conclusions, d.registration_token, d.capacity,
               (SELECT count(*)::int FROM dialogue_registrations r WHERE r.dialogue_meeting_id = d.id) AS registered
        FROM dialogue_meetings d JOIN engagements e ON e.id = d.engagement_id JOIN teams t ON t.application_id = e.application_id
        """;

    public DialogueMeetingView ToView(IReadOnlyList<DialogueAttachment> attachments) => new(Id, EngagementId, JstTerc, Kind, Topic, StartsAt, Place,
        Status, Stakeholders.FromJson(Invited), Present is null ? null : Stakeholders.FromJson(Present), Minutes, Conclusions, RegistrationToken, Capacity,
        Registered, attachments);
}

/// <summary>The states and kinds of a dialogue meeting, as the API and the database name them.</summary>
public static class DialogueStatus
{
    public const string Planned = "planned";
    public const string Held = "held";
    public const string Cancelled = "cancelled";
}

public static class DialogueKind
{
    public const string Dialogue = "dialogue";
    public const string Debate = "debate";

    public static readonly IReadOnlyList<string> All = [Dialogue, Debate];
}
