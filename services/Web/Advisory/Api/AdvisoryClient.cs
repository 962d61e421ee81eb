namespace Cro.Web.Advisory.Api;

// Generated from services/Advisory/openapi/advisory.json; below, the words of its contract the pages test and show.

/// <summary>
/// The advisory service's API (service discovery name "advisory"), called with the signed-in person's access token. The
/// service decides what each caller may see (ORE everything, an advisor the JST they advise, a team its own); the pages
/// only show its answer. Times travel as instants with their offset, which the service reads as such, so no request needs
/// a Warsaw wall-clock reading (unlike training's sessions): a Warsaw time typed into a form becomes an instant here.
/// </summary>
public partial class AdvisoryClient : IServiceClient
{
    public static string Unavailable => Text.Pick(
        "Usługa doradztwa jest chwilowo niedostępna. Nic nie zostało zapisane; spróbuj ponownie za chwilę.",
        "The advisory service is unavailable at the moment. Nothing was saved; try again in a moment.");
}

/// <summary>An advisory meeting's states, as the API names them.</summary>
public static class MeetingStatus
{
    /// <summary>Over the engagement's budget: holds its time until an operator approves it.</summary>
    public const string AwaitingApproval = "awaiting-approval";
    public const string Booked = "booked";
    public const string Held = "held";
    public const string Cancelled = "cancelled";
}

/// <summary>The stage of the JST's work a meeting serves, as the API names them.</summary>
public static class MeetingStage
{
    public static readonly IReadOnlyList<string> All = ["diagnosis", "plan", "implementation", "other"];
}

/// <summary>Where meetings happen: a rule of the advisor's week says which, and so does every free slot.</summary>
public static class MeetingMode
{
    public const string Online = "online";
    public const string Onsite = "onsite";

    public static readonly IReadOnlyList<string> All = [Online, Onsite];
}

public static class EngagementStatus
{
    public const string Upcoming = "upcoming";
    public const string Active = "active";
    public const string Ended = "ended";
}

public static class DialogueKind
{
    public const string Dialogue = "dialogue";
    public const string Debate = "debate";

    public static readonly IReadOnlyList<string> All = [Dialogue, Debate];
}

public static class DialogueStatus
{
    public const string Planned = "planned";
    public const string Held = "held";
    public const string Cancelled = "cancelled";
}

/// <summary>The stakeholders a dialogue meeting reaches, counted by type (the seed's list, as the API keys them).</summary>
public static class StakeholderType
{
    public static readonly IReadOnlyList<string> All =
        ["school-directors", "teachers", "parents", "pupils", "employers", "ngos", "councillors", "others"];
}

public static class AdvisoryViews
{
    extension(MeetingView meeting)
    {
        /// <summary>Booked or awaiting approval, and not yet begun: it may still be moved or cancelled.</summary>
        public bool IsAhead(DateTimeOffset now) =>
            meeting.StartsAt > now && meeting.Status is MeetingStatus.Booked or MeetingStatus.AwaitingApproval;

        /// <summary>Booked and begun, not yet recorded: the advisor records it as held.</summary>
        public bool AwaitsRecord(DateTimeOffset now) => meeting.Status == MeetingStatus.Booked && meeting.StartsAt <= now;
    }

    extension(DialogueMeetingView meeting)
    {
        public bool IsPlanned => meeting.Status == DialogueStatus.Planned;
    }

    extension(BurnDown burnDown)
    {
        /// <summary>The scale of a bar of the hours: the budget, or more when bookings went over it with approval.</summary>
        public double Scale => Math.Max(burnDown.Budget, burnDown.Held + burnDown.Booked);
    }
}
