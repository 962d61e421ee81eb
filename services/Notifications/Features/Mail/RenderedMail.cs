namespace Cro.Notifications.Features.Mail;

/// <summary>A mail as its template wrote it: the subject, the HTML body and its plain-text alternative.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);
