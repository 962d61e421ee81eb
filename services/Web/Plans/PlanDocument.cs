using Cro.Web.Monitoring.Api;

namespace Cro.Web.Plans;

/// <summary>
/// The plan's content as the pages change it: the service takes the whole document at every save (with the revision it
/// changes), so a page replaces or adds one item, or removes one, and sends the rest as it came.
/// </summary>
public static class PlanDocument
{
    public static PlanContent With(this PlanContent content, IReadOnlyList<PlanPriority>? priorities = null, IReadOnlyList<PlanGoal>? goals = null,
        IReadOnlyList<PlanAction>? actions = null, IReadOnlyList<PlanRisk>? risks = null) => new()
    {
        Summary = content.Summary, ManagementTools = content.ManagementTools, OtherManagementTools = content.OtherManagementTools,
        Priorities = priorities ?? content.Priorities ?? [], Goals = goals ?? content.Goals ?? [],
        Actions = actions ?? content.Actions ?? [], Risks = risks ?? content.Risks ?? [],
    };

    public static PlanContent WithGeneral(this PlanContent content, string? summary, IReadOnlyList<string> tools, string? otherTools) => new()
    {
        Summary = summary, ManagementTools = tools, OtherManagementTools = otherTools,
        Priorities = content.Priorities ?? [], Goals = content.Goals ?? [], Actions = content.Actions ?? [], Risks = content.Risks ?? [],
    };

    /// <summary>The items with <paramref name="item"/> in place of the one with its id, or added at the end; and where it stands.</summary>
    public static (IReadOnlyList<T> Items, int Index) Put<T>(IReadOnlyList<T>? items, T item, Func<T, Guid?> id)
    {
        var list = (items ?? []).ToList();
        var index = id(item) is { } key ? list.FindIndex(i => id(i) == key) : -1;
        if (index < 0)
        {
            list.Add(item);
            return (list, list.Count - 1);
        }
        list[index] = item;
        return (list, index);
    }

    /// <summary>The content without the item of <paramref name="itemId"/>, whatever its kind (a goal leaves the actions that served it too).</summary>
    public static PlanContent Without(this PlanContent content, Guid itemId) => content.With(
        [.. (content.Priorities ?? []).Where(p => p.Id != itemId)], [.. (content.Goals ?? []).Where(g => g.Id != itemId)],
        [.. (content.Actions ?? []).Where(a => a.Id != itemId).Select(a => a.GoalIds?.Contains(itemId) == true ? WithoutGoal(a, itemId) : a)],
        [.. (content.Risks ?? []).Where(r => r.Id != itemId)]);

    private static PlanAction WithoutGoal(PlanAction action, Guid goalId) => new()
    {
        Id = action.Id, PriorityId = action.PriorityId, GoalIds = [.. action.GoalIds!.Where(g => g != goalId)], Title = action.Title,
        Description = action.Description, Owner = action.Owner, SchoolIds = action.SchoolIds, StartsOn = action.StartsOn, EndsOn = action.EndsOn,
        TotalBudget = action.TotalBudget, Budget = action.Budget,
    };

    /// <summary>The title of the item of <paramref name="itemId"/>, whatever its kind; null when the content has none.</summary>
    public static string? Title(this PlanContent content, Guid? itemId) => itemId is not { } id ? null
        : (content.Priorities ?? []).FirstOrDefault(p => p.Id == id)?.Title ?? (content.Goals ?? []).FirstOrDefault(g => g.Id == id)?.Title
        ?? (content.Actions ?? []).FirstOrDefault(a => a.Id == id)?.Title ?? (content.Risks ?? []).FirstOrDefault(r => r.Id == id)?.Description;
}
