using Cro.Monitoring.Features.Plans;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// What a report's content must hold to be saved, entry by entry, each message naming its field
/// (<c>actions[1].progress</c>): a known status, progress from 0 to 100 that fits it (0 not started, 100 done), money
/// spent of 0 or more whose lines by source add up to it, a reason for an abandoned action, evidence links that are web
/// addresses, each action and goal once, and a value for each goal given. Whether the actions and goals are the plan's is
/// checked against its version in force (<see cref="ReportReferences"/>).
/// </summary>
public sealed class ReportContentValidator : AbstractValidator<ReportContent>
{
    public ReportContentValidator()
    {
        RuleFor(c => c.Summary).MaximumLength(8000)
            .WithMessage(_ => Text.Pick("Podsumowanie okresu ma do 8000 znaków.", "The summary of the period has up to 8000 characters."));
        RuleFor(c => c.Actions).Must(a => a is null || a.Count <= PlanContentValidator.MaxItems)
            .WithMessage(_ => Text.Pick($"Najwyżej {PlanContentValidator.MaxItems} działań.", $"At most {PlanContentValidator.MaxItems} actions."));
        RuleFor(c => c.Goals).Must(g => g is null || g.Count <= PlanContentValidator.MaxItems)
            .WithMessage(_ => Text.Pick($"Najwyżej {PlanContentValidator.MaxItems} celów.", $"At most {PlanContentValidator.MaxItems} goals."));
        RuleFor(c => c).Custom(CheckOnce);

        RuleForEach(c => c.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.Status).Must(s => ActionStatus.All.Contains(s))
                .WithMessage(_ => Text.Pick($"Stan działania spośród: {string.Join(", ", ActionStatus.All)}.",
                    $"The action's status is one of: {string.Join(", ", ActionStatus.All)}."));
            a.RuleFor(x => x.Progress).NotNull().InclusiveBetween(0, 100)
                .WithMessage(_ => Text.Pick("Podaj postęp działania w procentach, od 0 do 100.", "Give the action's progress in percent, from 0 to 100."));
            a.RuleFor(x => x.Progress).Must((x, p) => p is not { } progress || progress is < 0 or > 100
                                                      || ((x.Status != ActionStatus.NotStarted || progress == 0) && (x.Status != ActionStatus.Done || progress == 100)))
                .WithMessage(_ => Text.Pick("Działanie nierozpoczęte ma postęp 0%, a zakończone 100%.", "An action not started has 0% progress, a done one 100%."));
            a.RuleFor(x => x.Spent).NotNull().GreaterThanOrEqualTo(0).LessThan(10_000_000_000m)
                .WithMessage(_ => Text.Pick("Podaj wydatki na działanie w okresie w złotych (0 lub więcej).",
                    "Give the money spent on the action in the period in PLN (0 or more)."));
            a.RuleFor(x => x.SpentBySource).Must(lines => lines is null || (lines.Count <= FundingSource.All.Count
                                                                             && lines.GroupBy(l => l.Source).All(g => g.Count() == 1)))
                .WithMessage(_ => Text.Pick("Każde źródło finansowania występuje w wydatkach raz.", "Each source of funding appears once in the spending."));
            a.RuleFor(x => x.SpentBySource).Must((x, lines) => lines is not { Count: > 0 } || x.Spent is not { } spent || lines.Sum(l => l.Amount) == spent)
                .WithMessage((x, lines) => Text.Pick(
                    $"Wydatki według źródeł sumują się do {(lines ?? []).Sum(l => l.Amount):0.##} zł, a wydatki w okresie to {x.Spent:0.##} zł.",
                    $"The spending by source adds up to {(lines ?? []).Sum(l => l.Amount):0.##} PLN, but the money spent in the period is {x.Spent:0.##} PLN."));
            a.RuleForEach(x => x.SpentBySource).ChildRules(line =>
            {
                line.RuleFor(l => l.Source).Must(s => FundingSource.All.ContainsKey(s))
                    .WithMessage(_ => Text.Pick($"Źródło finansowania spośród: {string.Join(", ", FundingSource.All.Keys)}.",
                        $"The source of funding is one of: {string.Join(", ", FundingSource.All.Keys)}."));
                line.RuleFor(l => l.Amount).GreaterThanOrEqualTo(0).LessThan(10_000_000_000m)
                    .WithMessage(_ => Text.Pick("Kwota w złotych: 0 lub więcej.", "An amount in PLN: 0 or more."));
            });
            a.RuleFor(x => x.AbandonReason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 2000).When(x => x.Status == ActionStatus.Abandoned)
                .WithMessage(_ => Text.Pick("Podaj, dlaczego zaniechano działania (do 2000 znaków).", "Say why the action was abandoned (up to 2000 characters)."));
            a.RuleFor(x => x.AbandonReason).MaximumLength(2000).When(x => x.Status != ActionStatus.Abandoned)
                .WithMessage(_ => Text.Pick("Powód zaniechania ma do 2000 znaków.", "The reason for abandoning has up to 2000 characters."));
            a.RuleFor(x => x.Comment).MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Komentarz ma do 2000 znaków.", "The comment has up to 2000 characters."));
            a.RuleFor(x => x.EvidenceUrl).Must(IsWebAddress).When(x => x.EvidenceUrl is not null)
                .WithMessage(_ => Text.Pick("Link do dowodu to adres strony zaczynający się od https:// albo http:// (do 2000 znaków).",
                    "The evidence link is a web address starting with https:// or http:// (up to 2000 characters)."));
            a.RuleFor(x => x.EvidenceFileIds).Must(f => f is null || (f.Count <= 20 && f.Distinct().Count() == f.Count))
                .WithMessage(_ => Text.Pick("Najwyżej 20 różnych plików dowodów.", "At most 20 different evidence files."));
        });

        RuleForEach(c => c.Goals).ChildRules(g =>
        {
            g.RuleFor(x => x.Value).NotNull().Must(v => v is null || Math.Abs(v.Value) < 1_000_000_000_000m)
                .WithMessage(_ => Text.Pick("Podaj wartość wskaźnika celu (w jednostce celu).", "Give the goal's indicator value (in the goal's unit)."));
            g.RuleFor(x => x.Comment).MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Komentarz ma do 2000 znaków.", "The comment has up to 2000 characters."));
        });
    }

    private static bool IsWebAddress(string? url) =>
        url is { Length: <= 2000 } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Each action and goal is reported once; the repetition is named.</summary>
    private static void CheckOnce(ReportContent content, ValidationContext<ReportContent> context)
    {
        foreach (var (entry, i) in (content.Actions ?? []).Select((a, i) => (a, i)).Where(x => (content.Actions ?? []).Take(x.i).Any(a => a.ActionId == x.a.ActionId)))
        {
            context.AddFailure($"actions[{i}].actionId", Text.Pick($"Działanie {entry.ActionId} jest już w sprawozdaniu.", $"The action {entry.ActionId} is in the report already."));
        }
        foreach (var (entry, i) in (content.Goals ?? []).Select((g, i) => (g, i)).Where(x => (content.Goals ?? []).Take(x.i).Any(g => g.GoalId == x.g.GoalId)))
        {
            context.AddFailure($"goals[{i}].goalId", Text.Pick($"Cel {entry.GoalId} jest już w sprawozdaniu.", $"The goal {entry.GoalId} is in the report already."));
        }
    }
}
