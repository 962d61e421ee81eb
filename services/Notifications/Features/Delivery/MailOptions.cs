using Cro.BuildingBlocks.Calendar;
using MimeKit;

namespace Cro.Notifications.Features.Delivery;

/// <summary>Configuration section <c>Mail</c>: the sender, and how <see cref="MailSender"/> paces and retries.</summary>
public sealed class MailOptions
{
    /// <summary>From of every mail; its domain also ends each Message-Id.</summary>
    public string From { get; set; } = "CRO <no-reply@cro.local>";

    /// <summary>Rows taken (and locked) per round, sent over one SMTP connection.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>Look for due mail even without a NOTIFY: retries fall due this way, and a lost notification is covered.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Back-off after failed attempts doubles from this ...</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>... up to this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts (about two and a half hours with the defaults) a mail is marked failed for an operator.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>How long one SMTP operation (connect, a command, the message) may take.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent mail (which holds a personal link) is kept this long for inspection, then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The organizer of the calendar events mailed (meetings, conferences): the platform's sender.</summary>
    public CalendarPerson CalendarOrganizer()
    {
        var from = MailboxAddress.Parse(From);
        return new CalendarPerson(from.Address, string.IsNullOrEmpty(from.Name) ? null : from.Name);
    }

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts, 20))));
}
