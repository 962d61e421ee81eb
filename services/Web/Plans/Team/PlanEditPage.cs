using Cro.Web.Monitoring.Api;
using Cro.Web.Plans.Shared;
using Microsoft.AspNetCore.Components;

namespace Cro.Web.Plans.Team;

/// <summary>
/// What every page that edits one part of the plan does: reads the plan as it is now (on the form's post too), changes that
/// part, and saves the whole content at the revision just read — so a colleague's change to another item made meanwhile is
/// kept, not overwritten. The service's errors for the edited item stand beside its fields; back on the plan's page after a save.
/// </summary>
public abstract class PlanEditPage : ComponentBase
{
    [Inject] protected MonitoringClient Monitoring { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Parameter] public Guid Id { get; set; }
    /// <summary>The item changed; none to add one.</summary>
    [Parameter] public Guid? ItemId { get; set; }

    protected StrategicPlan? Plan { get; private set; }
    protected IReadOnlyList<string> LoadErrors { get; private set; } = [];
    protected FormErrors Errors { get; set; } = new();

    protected PlanContent Content => Plan!.Current.Content;

    protected bool Editable => Plan is not null && PlanLabels.IsEditable(Plan.Current.Status);

    protected override async Task OnInitializedAsync()
    {
        var found = await Monitoring.CallAsync(c => c.GetPlanAsync(Id, CancellationToken.None));
        (Plan, LoadErrors) = (found.Value, found.Errors.All);
        if (Plan is not null && !Editable)
        {
            LoadErrors = [Text.Pick($"Plan jest {PlanLabels.Status(Plan.Current.Status)}: jego treść się nie zmienia.",
                $"The plan is {PlanLabels.Status(Plan.Current.Status)}: its content does not change.")];
        }
        await OnPlanLoadedAsync();
    }

    /// <summary>What else the page reads once the plan is in (the diagnosis's findings, the schools).</summary>
    protected virtual Task OnPlanLoadedAsync() => Task.CompletedTask;

    /// <summary>Saves <paramref name="content"/>; errors of the fields under <paramref name="prefix"/> (<c>actions[2].</c>) by their own names.</summary>
    protected async Task SaveAsync(PlanContent content, string prefix)
    {
        var saved = await Monitoring.CallAsync(c => c.SavePlanContentAsync(Id, Plan!.Current.Revision, content, CancellationToken.None));
        if (saved.Succeeded)
        {
            Navigation.NavigateTo($"{PlanPage.PathFor(Id)}?zapisano=1");
            return;
        }
        Errors = saved.Errors.Within(prefix);
    }

    protected static double? Number(string? text) =>
        double.TryParse(text?.Replace(" ", "").Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture,
            out var value) ? value : null;

    protected static DateOnly? Day(string? text) =>
        DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var day) ? day : null;

    protected static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
