namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// Configuration section <c>Notifications:AdvisoryReminders</c>: how long before an advisory meeting's start each reminder
/// goes (<see cref="Offsets"/>, real time, so a reminder a day before a meeting after the change of clocks comes 24 hours
/// before it, not at the same wall-clock hour). The worker sends with the mail's pacing and retries (<c>Mail:*</c>).
/// </summary>
public sealed class AdvisoryReminderOptions
{
    public const string Section = "Notifications:AdvisoryReminders";

    private static readonly TimeSpan[] Default = [TimeSpan.FromHours(24), TimeSpan.FromHours(1)];

    /// <summary>E.g. <c>["1.00:00:00", "01:00:00"]</c>; 24 h and 1 h when none are configured.</summary>
    public TimeSpan[]? Offsets { get; set; }

    /// <summary>Whether this process runs <see cref="ReminderSender"/> (tests drive it by hand).</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>The lead times in effect, longest first.</summary>
    public IReadOnlyList<TimeSpan> LeadTimes => [.. (Offsets is { Length: > 0 } offsets ? offsets : Default).Distinct().OrderDescending()];
}
