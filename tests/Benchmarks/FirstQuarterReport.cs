using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Reports;

namespace Cro.Benchmarks;

/// <summary>
/// What a JST's team reports for its plan's first quarter: an entry for every action (a fifth not started, a fifth done, a
/// fifth delayed, the rest under way), with money spent split by source where any was, and a value for every goal: a
/// report the service accepts as complete, so each save is followed by a submission that succeeds.
/// </summary>
internal static class FirstQuarterReport
{
    public static ReportContent For(PlanContent plan) => new(
        "Pierwszy kwartał wdrażania planu: zamówienia ogłoszone, część sprzętu dostarczona.",
        [.. plan.Actions!.Select((action, i) => Entry(action, i))],
        [.. plan.Goals!.Select(goal => new GoalValue(goal.Id!.Value, goal.Baseline + 2, null))]);

    private static ActionProgress Entry(PlanAction action, int i)
    {
        var planned = action.Budget![0];
        return (i % 5) switch
        {
            0 => new ActionProgress(action.Id!.Value, ActionStatus.NotStarted, 0, 0m, null, null, null, null, null),
            1 => new ActionProgress(action.Id!.Value, ActionStatus.Done, 100, planned.Amount, [new SpendingLine(planned.Source, planned.Amount)], null,
                "Odbiór końcowy.", "https://bip.jst.example.pl/protokol-odbioru", null),
            4 => new ActionProgress(action.Id!.Value, ActionStatus.Delayed, 15, 0m, null, null, "Opóźnienie dostaw; nowy termin w kolejnym kwartale.", null, null),
            _ => InProgress(action, 20 + 4 * i),
        };
    }

    /// <summary>Under way at <paramref name="progress"/> percent, that share of the year's first line spent, 70 % of it from FERS and the rest from the JST's own funds.</summary>
    private static ActionProgress InProgress(PlanAction action, int progress)
    {
        var spent = Math.Round(action.Budget![0].Amount * progress / 100m, 2);
        var fromFers = Math.Round(spent * 0.7m, 2);
        return new ActionProgress(action.Id!.Value, ActionStatus.InProgress, progress, spent,
            [new SpendingLine("fers", fromFers), new SpendingLine("jst", spent - fromFers)], null, null, "https://jst.example.pl/cyfryzacja/postep", null);
    }
}
