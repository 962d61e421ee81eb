namespace Cro.Notifications.Features.Mail;

/// <summary>
/// A mail as its template wrote it: which template (<paramref name="Kind"/>, kept after erasure for the
/// record), the subject, the HTML body and its plain-text alternative.
/// </summary>
public sealed record RenderedMail(string Kind, string Subject, string Html, string Text);
