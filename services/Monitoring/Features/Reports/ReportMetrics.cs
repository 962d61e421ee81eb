using System.Diagnostics.Metrics;

namespace Cro.Monitoring.Features.Reports;

/// <summary>What an operator watches of implementation reports: reports found overdue, and the coordinators' reminders asked for.</summary>
internal static class ReportMetrics
{
    private static readonly Meter Meter = new("cro.monitoring");

    public static readonly Counter<long> Overdue = Meter.CreateCounter<long>("cro.monitoring.reports.overdue", "{report}",
        "Implementation reports found not submitted by their due moment (each counted once).");

    public static readonly Counter<long> Reminders = Meter.CreateCounter<long>("cro.monitoring.reports.reminders", "{mail}",
        "Mails about an overdue implementation report asked for its JST's coordinator (the first and the weekly ones).");
}
