namespace Cro.Notifications.Features.Delivery;

/// <summary>
/// A mail as its template wrote it: which template (<paramref name="Kind"/>, kept after erasure for the
/// record), the subject, the HTML body and its plain-text alternative, and an iCalendar message to attach
/// (<paramref name="Calendar"/>, an iTIP document such as METHOD:CANCEL) when the mail changes an event.
/// </summary>
public sealed record RenderedMail(string Kind, string Subject, string Html, string Text, string? Calendar = null);
