using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Cro.Gateway;

/// <summary>
/// Decides from /alive probes whether a destination is left out, without turning a busy service into an unavailable
/// one: a probe that found nothing listening (refused, unknown name, no connection in time) leaves it out at once; a
/// probe that went unanswered or failed otherwise counts only while the destination shows no other sign of life, i.e.
/// no forwarded request got an answer from it since the previous probe (a service swamped by a burst answers its
/// requests late, and its probe late too, but it answers), and two such probes in a row leave it out (a port that accepts
/// but where nothing answers, as the local run's proxy in front of a stopped process). A probe that succeeds brings it back.
/// </summary>
internal sealed class ProbePolicy(IDestinationHealthUpdater health, TimeProvider time) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "UnansweredWithoutSignOfLife";
    private const int SilentProbesToLeaveOut = 2;

    /// <summary>Per destination, kept no longer than the destination (service discovery may replace it).</summary>
    private readonly ConditionalWeakTable<DestinationState, Track> _tracks = new();

    public string Name => PolicyName;

    /// <summary>Told by the passive check of every forwarded request that got an answer (any status) from the destination.</summary>
    public void Answered(DestinationState destination) => Volatile.Write(ref _tracks.GetOrCreateValue(destination).LastAnswered, time.GetTimestamp());

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var now = time.GetTimestamp();
        var results = new List<NewActiveDestinationHealth>(probingResults.Count);
        foreach (var probe in probingResults)
        {
            var destination = probe.Destination;
            var track = _tracks.GetOrCreateValue(destination);
            DestinationHealth verdict;
            var silent = 0;
            if (probe.Response is { IsSuccessStatusCode: true })
            {
                verdict = DestinationHealth.Healthy;
            }
            else if (probe.Exception is { } e && ProxyHealth.IsNoConnection(e))
            {
                verdict = DestinationHealth.Unhealthy;
            }
            else if (Volatile.Read(ref track.LastAnswered) > track.CheckedAt)
            {
                // Slow or failing probe, but requests are being answered: busy, not down.
                verdict = destination.Health.Active == DestinationHealth.Unhealthy ? DestinationHealth.Unhealthy : DestinationHealth.Healthy;
            }
            else
            {
                silent = track.Silent + 1;
                verdict = silent >= SilentProbesToLeaveOut ? DestinationHealth.Unhealthy
                    : destination.Health.Active == DestinationHealth.Unhealthy ? DestinationHealth.Unhealthy : DestinationHealth.Unknown;
            }
            (track.Silent, track.CheckedAt) = (silent, now);
            results.Add(new NewActiveDestinationHealth(destination, verdict));
        }
        health.SetActive(cluster, results);
    }

    private sealed class Track
    {
        public long LastAnswered;
        public int Silent;
        public long CheckedAt;
    }
}
