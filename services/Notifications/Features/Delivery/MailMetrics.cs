using System.Diagnostics.Metrics;

namespace Cro.Notifications.Features.Delivery;

/// <summary>What an operator watches of the mail: sent, failed attempts that will be retried, and mail given up on.</summary>
internal static class MailMetrics
{
    private static readonly Meter Meter = new("cro.notifications");

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("cro.mail.sent", "{mail}",
        "Mail the SMTP server accepted.");
    public static readonly Counter<long> Deferred = Meter.CreateCounter<long>("cro.mail.deferred", "{mail}",
        "Failed attempts that will be retried after a back-off.");
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("cro.mail.failed", "{mail}",
        "Mail given up on; it stays in outgoing_mail with status 'failed' for an operator.");
}
