using System.Diagnostics.Metrics;

namespace Cro.Training.Features.Validation;

/// <summary>What an operator watches of timed tests: attempts the service finished because their time ran out.</summary>
internal static class ExpiredAttemptsMetrics
{
    private static readonly Meter Meter = new("cro.training");

    public static readonly Counter<long> Finished = Meter.CreateCounter<long>("cro.training.attempts.expired_finished", "{attempt}",
        "Test attempts finished and scored by the service when their time limit ran out, without their participant coming back.");
}
