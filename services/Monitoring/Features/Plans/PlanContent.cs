namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// What a version of a JST's strategic plan says: priorities grounded in the accepted diagnosis's findings, goals with
/// measurable targets, actions with their schedule and budget by year and source of funding, the management tools chosen,
/// and risks. Items carry ids the client may choose (so a goal can name a priority added in the same save); the service
/// gives one to an item without.
/// </summary>
[OpenApiSchemaName("PlanContent")]
public sealed record PlanContent(
    [property: FieldLabel("Wprowadzenie", "Introduction")] string? Summary,
    [property: FieldLabel("Priorytety", "Priorities")] IReadOnlyList<PlanPriority>? Priorities,
    [property: FieldLabel("Cele", "Goals")] IReadOnlyList<PlanGoal>? Goals,
    [property: FieldLabel("Działania", "Actions")] IReadOnlyList<PlanAction>? Actions,
    [property: FieldLabel("Narzędzia zarządzania", "Management tools")] IReadOnlyList<string>? ManagementTools,
    [property: FieldLabel("Inne narzędzia zarządzania", "Other management tools")] string? OtherManagementTools,
    [property: FieldLabel("Ryzyka", "Risks")] IReadOnlyList<PlanRisk>? Risks)
{
    public static readonly PlanContent Empty = new(null, [], [], [], [], null, []);

    /// <summary>Every item with an id: the ones it had, new ones for those without.</summary>
    public PlanContent WithIds() => this with
    {
        Priorities = [.. (Priorities ?? []).Select(p => p with { Id = p.Id ?? Guid.CreateVersion7() })],
        Goals = [.. (Goals ?? []).Select(g => g with { Id = g.Id ?? Guid.CreateVersion7() })],
        Actions = [.. (Actions ?? []).Select(a => a with { Id = a.Id ?? Guid.CreateVersion7() })],
        Risks = [.. (Risks ?? []).Select(r => r with { Id = r.Id ?? Guid.CreateVersion7() })],
        ManagementTools = ManagementTools ?? [],
    };

    /// <summary>The ids of every item, for comments on one of them.</summary>
    public IEnumerable<Guid> ItemIds() =>
        new[] { (Priorities ?? []).Select(p => p.Id), (Goals ?? []).Select(g => g.Id), (Actions ?? []).Select(a => a.Id), (Risks ?? []).Select(r => r.Id) }
            .SelectMany(ids => ids).OfType<Guid>();
}

/// <param name="FindingIds">Findings of the JST's accepted diagnosis the priority answers (at least one).</param>
[OpenApiSchemaName("PlanPriority")]
public sealed record PlanPriority(
    Guid? Id,
    [property: FieldLabel("Tytuł priorytetu", "Priority's title")] string Title,
    [property: FieldLabel("Opis priorytetu", "Priority's description")] string? Description,
    [property: FieldLabel("Ustalenia diagnozy", "Diagnosis findings")] IReadOnlyList<Guid>? FindingIds);

/// <summary>A measurable goal: an indicator (a figure of the JST picture, <c>figure:&lt;key&gt;</c>, or the team's own), its
/// value in the diagnosis and the value to reach by a day.</summary>
[OpenApiSchemaName("PlanGoal")]
public sealed record PlanGoal(
    Guid? Id,
    [property: FieldLabel("Priorytet", "Priority")] Guid? PriorityId,
    [property: FieldLabel("Cel", "Goal")] string Title,
    [property: FieldLabel("Wskaźnik", "Indicator")] string Indicator,
    [property: FieldLabel("Jednostka", "Unit")] string Unit,
    [property: FieldLabel("Wartość bazowa", "Baseline")] decimal? Baseline,
    [property: FieldLabel("Wartość docelowa", "Target")] decimal? Target,
    [property: FieldLabel("Termin osiągnięcia", "Target date")] DateOnly? TargetDate);

/// <param name="Owner">Who carries it out (a department, a unit, a person's role).</param>
/// <param name="SchoolIds">Schools of the JST's register it concerns; none for the JST as a whole.</param>
/// <param name="TotalBudget">The action's whole budget in PLN; the budget lines add up to it.</param>
[OpenApiSchemaName("PlanAction")]
public sealed record PlanAction(
    Guid? Id,
    [property: FieldLabel("Priorytet", "Priority")] Guid? PriorityId,
    [property: FieldLabel("Cele", "Goals")] IReadOnlyList<Guid>? GoalIds,
    [property: FieldLabel("Działanie", "Action")] string Title,
    [property: FieldLabel("Opis działania", "Action's description")] string? Description,
    [property: FieldLabel("Odpowiedzialny", "Owner")] string Owner,
    [property: FieldLabel("Szkoły", "Schools")] IReadOnlyList<Guid>? SchoolIds,
    [property: FieldLabel("Początek", "Start")] DateOnly? StartsOn,
    [property: FieldLabel("Koniec", "End")] DateOnly? EndsOn,
    [property: FieldLabel("Budżet całkowity (zł)", "Total budget (PLN)")] decimal? TotalBudget,
    IReadOnlyList<PlanBudgetLine>? Budget);

/// <param name="Source"><see cref="FundingSource"/>: jst, fers, feniks, regional, kpo, other.</param>
[OpenApiSchemaName("PlanBudgetLine")]
public sealed record PlanBudgetLine(
    [property: FieldLabel("Rok", "Year")] int Year,
    [property: FieldLabel("Źródło finansowania", "Source of funding")] string Source,
    [property: FieldLabel("Kwota (zł)", "Amount (PLN)")] decimal Amount);

/// <param name="Likelihood">low, medium, high.</param>
/// <param name="Impact">low, medium, high.</param>
[OpenApiSchemaName("PlanRisk")]
public sealed record PlanRisk(
    Guid? Id,
    [property: FieldLabel("Ryzyko", "Risk")] string Description,
    [property: FieldLabel("Prawdopodobieństwo", "Likelihood")] string Likelihood,
    [property: FieldLabel("Wpływ", "Impact")] string Impact,
    [property: FieldLabel("Przeciwdziałanie", "Mitigation")] string? Mitigation);

/// <summary>Where an action's money comes from.</summary>
public static class FundingSource
{
    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> All = new Dictionary<string, (string, string)>
    {
        ["jst"] = ("środki własne JST", "the JST's own funds"),
        ["fers"] = ("FERS (Fundusze Europejskie dla Rozwoju Społecznego)", "FERS (European Funds for Social Development)"),
        ["feniks"] = ("FEnIKS (Fundusze Europejskie na Infrastrukturę, Klimat, Środowisko)", "FEnIKS (European Funds for Infrastructure, Climate, Environment)"),
        ["regional"] = ("regionalny program Funduszy Europejskich", "a regional European Funds programme"),
        ["kpo"] = ("KPO (Krajowy Plan Odbudowy)", "KPO (National Recovery Plan)"),
        ["other"] = ("inne", "other"),
    };
}

/// <summary>The ways of managing the schools' digitisation a plan can choose.</summary>
public static class ManagementTool
{
    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> All = new Dictionary<string, (string, string)>
    {
        ["equipment-standard"] = ("wspólny standard wyposażenia szkół", "a common equipment standard for schools"),
        ["central-it-service"] = ("scentralizowana obsługa informatyczna (np. CUW)", "central IT service (e.g. a shared services centre)"),
        ["device-inventory"] = ("ewidencja sprzętu i licencji", "an inventory of devices and licences"),
        ["device-management"] = ("zdalne zarządzanie urządzeniami (MDM)", "remote device management (MDM)"),
        ["joint-procurement"] = ("wspólne zamówienia sprzętu i usług", "joint procurement of devices and services"),
        ["helpdesk"] = ("zgłaszanie i obsługa awarii (helpdesk)", "a helpdesk for faults"),
        ["security-policy"] = ("polityka bezpieczeństwa informacji", "an information security policy"),
        ["training-plan"] = ("plan doskonalenia kompetencji cyfrowych", "a plan for digital competence development"),
        ["indicator-monitoring"] = ("monitorowanie wskaźników diagnozy", "monitoring the diagnosis's figures"),
    };
}

public static class RiskLevel
{
    public static readonly IReadOnlyList<string> All = ["low", "medium", "high"];
}
