using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Cro.Gateway;

/// <summary>
/// The health probes (every service every few seconds) are not traced: like the services' own /health and /alive, they
/// would drown the traces an operator looks for. Unrecorded, the probe's HTTP call under it is not recorded either.
/// </summary>
internal sealed class ProbeTraces : BaseProcessor<Activity>
{
    /// <summary>The activity YARP starts for each probe of a destination.</summary>
    private const string ProbeActivity = "proxy.destination_health_check";

    public override void OnStart(Activity activity)
    {
        if (activity.OperationName == ProbeActivity)
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
