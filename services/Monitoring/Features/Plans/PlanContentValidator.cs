namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// What a plan's content must hold to be saved, item by item, each message naming its field (<c>actions[2].endsOn</c>):
/// texts within their lengths, ids unique and references to the plan's own priorities and goals, an action ending after it
/// starts, budget lines within the action's years that add up to its total, a goal with its baseline, target and date.
/// Whether a finding belongs to the accepted diagnosis and a school to the JST is checked against the database
/// (<see cref="PlanReferences"/>).
/// </summary>
public sealed class PlanContentValidator : AbstractValidator<PlanContent>
{
    public const int MaxItems = 200;

    public PlanContentValidator()
    {
        RuleFor(c => c.Summary).MaximumLength(8000)
            .WithMessage(_ => Text.Pick("Wprowadzenie ma do 8000 znaków.", "The introduction has up to 8000 characters."));
        RuleFor(c => c.OtherManagementTools).MaximumLength(2000)
            .WithMessage(_ => Text.Pick("Inne narzędzia: do 2000 znaków.", "Other tools: up to 2000 characters."));
        RuleForEach(c => c.ManagementTools).Must(t => ManagementTool.All.ContainsKey(t))
            .WithMessage(_ => Text.Pick($"Narzędzie zarządzania spośród: {string.Join(", ", ManagementTool.All.Keys)}.",
                $"A management tool is one of: {string.Join(", ", ManagementTool.All.Keys)}."));
        RuleFor(c => c).Must(c => (c.Priorities?.Count ?? 0) <= MaxItems && (c.Goals?.Count ?? 0) <= MaxItems
                                  && (c.Actions?.Count ?? 0) <= MaxItems && (c.Risks?.Count ?? 0) <= MaxItems)
            .OverridePropertyName("priorities")
            .WithMessage(_ => Text.Pick($"Plan ma najwyżej {MaxItems} pozycji każdego rodzaju.", $"A plan has at most {MaxItems} items of each kind."));
        RuleFor(c => c).Must(c => c.ItemIds().GroupBy(id => id).All(g => g.Count() == 1))
            .OverridePropertyName("priorities")
            .WithMessage(_ => Text.Pick("Każda pozycja planu ma własny identyfikator.", "Every item of the plan has its own id."));

        RuleForEach(c => c.Priorities).ChildRules(p =>
        {
            p.RuleFor(x => x.Title).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj tytuł priorytetu (do 300 znaków).", "Give the priority's title (up to 300 characters)."));
            p.RuleFor(x => x.Description).MaximumLength(4000)
                .WithMessage(_ => Text.Pick("Opis priorytetu ma do 4000 znaków.", "The priority's description has up to 4000 characters."));
            p.RuleFor(x => x.FindingIds).Must(f => f is { Count: > 0 and <= 50 })
                .WithMessage(_ => Text.Pick("Wskaż ustalenia diagnozy, na których priorytet się opiera (od 1 do 50).",
                    "Name the diagnosis findings the priority rests on (1 to 50)."));
        });

        RuleForEach(c => c.Goals).ChildRules(g =>
        {
            g.RuleFor(x => x.Title).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj cel (do 300 znaków).", "Give the goal (up to 300 characters)."));
            g.RuleFor(x => x.Indicator).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj wskaźnik celu: wskaźnik obrazu JST (figure:…) albo własny (do 300 znaków).",
                    "Give the goal's indicator: a figure of the JST picture (figure:…) or the team's own (up to 300 characters)."));
            g.RuleFor(x => x.Unit).RequiredText(50)
                .WithMessage(_ => Text.Pick("Podaj jednostkę wskaźnika (do 50 znaków).", "Give the indicator's unit (up to 50 characters)."));
            g.RuleFor(x => x.Baseline).NotNull()
                .WithMessage(_ => Text.Pick("Podaj wartość bazową wskaźnika (z diagnozy).", "Give the indicator's baseline (from the diagnosis)."));
            g.RuleFor(x => x.Target).NotNull()
                .WithMessage(_ => Text.Pick("Podaj wartość docelową wskaźnika.", "Give the indicator's target."));
            g.RuleFor(x => x.TargetDate).NotNull()
                .WithMessage(_ => Text.Pick("Podaj termin osiągnięcia celu.", "Give the day the goal is to be reached by."));
        });
        RuleForEach(c => c.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.Title).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj nazwę działania (do 300 znaków).", "Give the action's name (up to 300 characters)."));
            a.RuleFor(x => x.Description).MaximumLength(4000)
                .WithMessage(_ => Text.Pick("Opis działania ma do 4000 znaków.", "The action's description has up to 4000 characters."));
            a.RuleFor(x => x.Owner).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj, kto odpowiada za działanie (do 200 znaków).", "Say who carries the action out (up to 200 characters)."));
            a.RuleFor(x => x.StartsOn).NotNull()
                .WithMessage(_ => Text.Pick("Podaj początek działania.", "Give the action's start."));
            a.RuleFor(x => x.EndsOn).NotNull()
                .WithMessage(_ => Text.Pick("Podaj koniec działania.", "Give the action's end."));
            a.RuleFor(x => x.EndsOn).Must((x, end) => x.StartsOn is not { } start || end is not { } e || e >= start)
                .WithMessage(_ => Text.Pick("Działanie nie może skończyć się przed swoim początkiem.", "An action cannot end before it starts."));
            a.RuleFor(x => x.TotalBudget).NotNull().GreaterThanOrEqualTo(0)
                .WithMessage(_ => Text.Pick("Podaj budżet całkowity działania w złotych (0 lub więcej).", "Give the action's total budget in PLN (0 or more)."));
            a.RuleFor(x => x.SchoolIds).Must(s => s is null || s.Count <= 2000)
                .WithMessage(_ => Text.Pick("Najwyżej 2000 szkół.", "At most 2000 schools."));
            a.RuleFor(x => x.Budget).Must(b => b is null || b.Count <= 60)
                .WithMessage(_ => Text.Pick("Najwyżej 60 pozycji budżetu.", "At most 60 budget lines."));
            a.RuleForEach(x => x.Budget).ChildRules(line =>
            {
                line.RuleFor(l => l.Source).Must(s => FundingSource.All.ContainsKey(s))
                    .WithMessage(_ => Text.Pick($"Źródło finansowania spośród: {string.Join(", ", FundingSource.All.Keys)}.",
                        $"The source of funding is one of: {string.Join(", ", FundingSource.All.Keys)}."));
                line.RuleFor(l => l.Amount).GreaterThanOrEqualTo(0).LessThan(10_000_000_000m)
                    .WithMessage(_ => Text.Pick("Kwota w złotych: 0 lub więcej.", "An amount in PLN: 0 or more."));
            });
            a.RuleForEach(x => x.Budget).Must((x, l) => x.StartsOn is not { } s || x.EndsOn is not { } e || e < s || (l.Year >= s.Year && l.Year <= e.Year))
                .WithMessage((x, l) => Text.Pick($"Rok {l.Year} jest poza okresem działania ({x.StartsOn?.Year}–{x.EndsOn?.Year}).",
                    $"The year {l.Year} is outside the action's period ({x.StartsOn?.Year}–{x.EndsOn?.Year})."));
            a.RuleFor(x => x.Budget).Must(b => b is null || b.GroupBy(l => (l.Year, l.Source)).All(g => g.Count() == 1))
                .WithMessage(_ => Text.Pick("Każdy rok i źródło finansowania występuje w budżecie raz.", "Each year and source appears once in the budget."));
            a.RuleFor(x => x.Budget).Must((x, b) => x.TotalBudget is not { } total || (b ?? []).Sum(l => l.Amount) == total)
                .WithMessage((x, b) => Text.Pick(
                    $"Pozycje budżetu sumują się do {(b ?? []).Sum(l => l.Amount):0.##} zł, a budżet całkowity to {x.TotalBudget:0.##} zł.",
                    $"The budget lines add up to {(b ?? []).Sum(l => l.Amount):0.##} PLN, but the total budget is {x.TotalBudget:0.##} PLN."));
        });
        RuleFor(c => c).Custom(CheckReferences);

        RuleForEach(c => c.Risks).ChildRules(r =>
        {
            r.RuleFor(x => x.Description).RequiredText(1000)
                .WithMessage(_ => Text.Pick("Opisz ryzyko (do 1000 znaków).", "Describe the risk (up to 1000 characters)."));
            r.RuleFor(x => x.Likelihood).Must(l => RiskLevel.All.Contains(l))
                .WithMessage(_ => Text.Pick("Prawdopodobieństwo: low, medium albo high.", "Likelihood: low, medium or high."));
            r.RuleFor(x => x.Impact).Must(l => RiskLevel.All.Contains(l))
                .WithMessage(_ => Text.Pick("Wpływ: low, medium albo high.", "Impact: low, medium or high."));
            r.RuleFor(x => x.Mitigation).MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Przeciwdziałanie: do 2000 znaków.", "Mitigation: up to 2000 characters."));
        });
    }

    /// <summary>Goals and actions name priorities of this plan, and actions its goals, each failure at its own field.</summary>
    private static void CheckReferences(PlanContent content, ValidationContext<PlanContent> context)
    {
        var priorities = (content.Priorities ?? []).Select(p => p.Id).OfType<Guid>().ToHashSet();
        var goals = (content.Goals ?? []).Select(g => g.Id).OfType<Guid>().ToHashSet();
        var notAPriority = Text.Pick("Wskaż jeden z priorytetów planu.", "Name one of the plan's priorities.");
        foreach (var (goal, i) in (content.Goals ?? []).Select((g, i) => (g, i)).Where(x => x.g.PriorityId is not { } p || !priorities.Contains(p)))
        {
            context.AddFailure($"goals[{i}].priorityId", notAPriority);
        }
        foreach (var (action, i) in (content.Actions ?? []).Select((a, i) => (a, i)))
        {
            if (action.PriorityId is not { } p || !priorities.Contains(p))
            {
                context.AddFailure($"actions[{i}].priorityId", notAPriority);
            }
            foreach (var (goal, j) in (action.GoalIds ?? []).Select((g, j) => (g, j)).Where(x => !goals.Contains(x.g)))
            {
                context.AddFailure($"actions[{i}].goalIds[{j}]", Text.Pick($"Plan nie ma celu {goal}.", $"The plan has no goal {goal}."));
            }
        }
    }
}
