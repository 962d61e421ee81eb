using System.Diagnostics.Metrics;

namespace Cro.Publishing.Features.Practices;

/// <summary>What an operator watches of good practices: submissions to review, and what the catalogue gains and loses.</summary>
internal static class PracticeMetrics
{
    private static readonly Meter Meter = new("cro.publishing");

    public static readonly Counter<long> Submitted = Meter.CreateCounter<long>("cro.publishing.practices.submitted", "{version}",
        "Good practices submitted to review (each submission a version), by the team or the partner.");

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("cro.publishing.practices.published", "{practice}",
        "Good practices published in the catalogue (a republication counts again).");

    public static readonly Counter<long> Unpublished = Meter.CreateCounter<long>("cro.publishing.practices.unpublished", "{practice}",
        "Good practices withdrawn from the catalogue.");
}
