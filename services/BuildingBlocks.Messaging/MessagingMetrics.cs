using System.Diagnostics.Metrics;

namespace Cro.BuildingBlocks.Messaging;

/// <summary>What an operator watches of the messaging: events published, publish failures, duplicates skipped.</summary>
internal static class MessagingMetrics
{
    private static readonly Meter Meter = new("cro.messaging");

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("cro.outbox.published", "{event}");
    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("cro.outbox.publish_failures", "{event}");
    public static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("cro.outbox.lag", "s",
        "Time from commit of an event to the broker's confirmation.");
    public static readonly Counter<long> DuplicatesSkipped = Meter.CreateCounter<long>("cro.inbox.duplicates_skipped", "{message}");
}
