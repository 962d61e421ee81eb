namespace Cro.BuildingBlocks.Calendar;

/// <summary>
/// One event as a calendar shows it. <see cref="Uid"/> names it for good: every document about it (a feed, an invitation,
/// a cancellation) carries the same one, and <see cref="Sequence"/> says which of them is the latest, so a calendar updates
/// the event it holds instead of adding a second. Times are instants; documents write them in Europe/Warsaw.
/// </summary>
public sealed record CalendarEntry(string Uid, int Sequence, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Summary)
{
    public string? Location { get; init; }

    /// <summary>An online meeting's link.</summary>
    public Uri? Url { get; init; }

    public string? Description { get; init; }

    public CalendarEntryStatus Status { get; init; } = CalendarEntryStatus.Confirmed;
}

/// <summary>RFC 5545 3.8.1.11: what the event's STATUS says.</summary>
public enum CalendarEntryStatus
{
    Confirmed,
    /// <summary>Holds its time but is not settled yet (e.g. waiting for an approval).</summary>
    Tentative,
    /// <summary>Called off: calendars strike it out (a feed) or remove it (METHOD:CANCEL).</summary>
    Cancelled,
}

/// <summary>Someone an iTIP message names: the organizer, or the attendee it is sent to.</summary>
public sealed record CalendarPerson(string Email, string? Name = null);
