using System.Globalization;
using System.Text.RegularExpressions;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Team;

/// <summary>
/// The practice form's fields as a browser posts them (rows of steps, evidence, costs and contacts by index; partners one a
/// line), to and from the template the service takes. Empty rows are left out; a number that does not parse is sent as
/// none, so the service says the field is missing where it must be.
/// </summary>
public sealed partial class PracticeInput
{
    /// <summary>Empty rows the form offers after the filled ones.</summary>
    public const int SpareRows = 2;

    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Problem { get; set; }
    public string? Solution { get; set; }
    public string? Effects { get; set; }
    public string? Difficulties { get; set; }
    public string? ToRepeat { get; set; }
    public string? Partners { get; set; }
    public List<string> Topics { get; set; } = [];
    public string? Licence { get; set; }
    public bool PublishAuthorNames { get; set; }
    public List<StepRow> Steps { get; set; } = [];
    public List<EvidenceRow> Evidence { get; set; } = [];
    public List<CostRow> Costs { get; set; } = [];
    public List<ContactRow> Contacts { get; set; } = [];

    /// <summary>The team members ticked as co-authors (the lead author is whoever started the practice).</summary>
    public List<Guid> CoAuthors { get; set; } = [];

    /// <summary>The JST's plan, and those of its actions the practice carried out.</summary>
    public Guid? PlanId { get; set; }
    public List<Guid> PlanActions { get; set; } = [];

    public sealed class StepRow
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
    }

    public sealed class EvidenceRow
    {
        public string? Description { get; set; }
        public string? Value { get; set; }
        public string? Unit { get; set; }
        public string? Url { get; set; }
    }

    public sealed class CostRow
    {
        public string? Description { get; set; }
        public string? Amount { get; set; }
        public string? Source { get; set; }
    }

    public sealed class ContactRow
    {
        public string? FullName { get; set; }
        public string? Position { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
    }

    public static PracticeInput From(PracticeTemplate? template, string defaultLicence) => template is null
        ? new PracticeInput { Licence = defaultLicence }
        : new PracticeInput
        {
            Title = template.Title, Summary = template.Summary, Problem = template.Problem, Solution = template.Solution, Effects = template.Effects,
            Difficulties = template.Difficulties, ToRepeat = template.ToRepeat, Partners = string.Join("\n", template.Partners ?? []),
            Topics = [.. template.Topics ?? []], Licence = template.Licence ?? defaultLicence, PublishAuthorNames = template.PublishAuthorNames == true,
            Steps = [.. (template.Steps ?? []).Select(s => new StepRow { Title = s.Title, Description = s.Description })],
            Evidence = [.. (template.Evidence ?? []).Select(e => new EvidenceRow
            {
                Description = e.Description, Value = e.Value?.ToString(CultureInfo.InvariantCulture), Unit = e.Unit, Url = e.Url,
            })],
            Costs = [.. (template.Costs ?? []).Select(c => new CostRow
            {
                Description = c.Description, Amount = c.Amount.ToString(CultureInfo.InvariantCulture), Source = c.Source,
            })],
            Contacts = [.. (template.Contacts ?? []).Select(c => new ContactRow { FullName = c.FullName, Position = c.Position, Email = c.Email, Phone = c.Phone })],
            CoAuthors = [.. (template.Authors ?? []).Select(a => a.MemberId).OfType<Guid>()],
            PlanId = template.PlanId, PlanActions = [.. template.PlanActionIds ?? []],
        };

    /// <summary>The rows the form shows: those written and <see cref="SpareRows"/> empty ones.</summary>
    public PracticeInput WithSpareRows()
    {
        Topics ??= [];
        CoAuthors ??= [];
        PlanActions ??= [];
        Steps = [.. Steps ?? [], .. Enumerable.Range(0, SpareRows).Select(_ => new StepRow())];
        Evidence = [.. Evidence ?? [], .. Enumerable.Range(0, SpareRows).Select(_ => new EvidenceRow())];
        Costs = [.. Costs ?? [], .. Enumerable.Range(0, SpareRows).Select(_ => new CostRow())];
        Contacts = [.. Contacts ?? [], .. Enumerable.Range(0, SpareRows).Select(_ => new ContactRow())];
        return this;
    }

    /// <summary>
    /// The template to send, with the co-authors ticked and <paramref name="namedAuthors"/> (those a partner named by name
    /// and address, which the form does not show, kept as they were). The rows keep their place (an empty row in the middle is sent as is) only up to the last filled
    /// one, so the service's error keys (<c>costs[1].amount</c>) name the row the person sees.
    /// </summary>
    public PracticeTemplate ToTemplate(IEnumerable<PracticeAuthorInput>? namedAuthors = null) => new()
    {
        Title = Optional(Title) ?? "", Summary = Optional(Summary), Problem = Optional(Problem), Solution = Optional(Solution), Effects = Optional(Effects),
        Difficulties = Optional(Difficulties), ToRepeat = Optional(ToRepeat),
        Partners = [.. (Partners ?? "").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)],
        Topics = [.. (Topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct()],
        Licence = Optional(Licence), PublishAuthorNames = PublishAuthorNames,
        Steps = [.. Filled(Steps ?? [], s => s.Title, s => s.Description).Select(s => new PracticeStep { Title = s.Title?.Trim() ?? "", Description = Optional(s.Description) })],
        Evidence = [.. Filled(Evidence ?? [], e => e.Description, e => e.Value, e => e.Unit, e => e.Url).Select(e => new PracticeEffectEvidence
        {
            Description = e.Description?.Trim() ?? "", Value = Number(e.Value), Unit = Optional(e.Unit), Url = Optional(e.Url),
        })],
        Costs = [.. Filled(Costs ?? [], c => c.Description, c => c.Amount).Select(c => new PracticeCost
        {
            Description = c.Description?.Trim() ?? "", Amount = Number(c.Amount) ?? 0, Source = c.Source ?? "",
        })],
        Contacts = [.. Filled(Contacts ?? [], c => c.FullName, c => c.Position, c => c.Email, c => c.Phone).Select(c => new PracticeContact
        {
            FullName = c.FullName?.Trim() ?? "", Position = Optional(c.Position), Email = Optional(c.Email), Phone = Optional(c.Phone),
        })],
        Authors = [.. (CoAuthors ?? []).Distinct().Select(id => new PracticeAuthorInput { MemberId = id }), .. namedAuthors ?? []],
        // A plan only with actions of it: the link is to what the practice carried out.
        PlanId = PlanActions is { Count: > 0 } ? PlanId : null, PlanActionIds = [.. (PlanActions ?? []).Distinct()],
    };

    /// <summary>The id of the form's field an error key of the service names (<c>costs[1].amount</c> → <c>practice-costs-1-amount</c>).</summary>
    public static string FieldId(string key, IReadOnlyList<string> topicCodes)
    {
        var lower = key.ToLowerInvariant();
        if (lower.StartsWith("topics", StringComparison.Ordinal))
        {
            return topicCodes.Count > 0 ? $"practice-topics-{topicCodes[0]}" : "practice-topics";
        }
        if (lower == "licence")
        {
            return "practice-licence-CC-BY-4.0";
        }
        return "practice-" + Index().Replace(lower, "-$1-").Replace('.', '-').Replace("--", "-").TrimEnd('-');
    }

    private static IEnumerable<T> Filled<T>(List<T> rows, params Func<T, string?>[] fields)
    {
        var last = rows.FindLastIndex(row => fields.Any(f => !string.IsNullOrWhiteSpace(f(row))));
        return rows.Take(last + 1);
    }

    private static double? Number(string? text) =>
        double.TryParse(text?.Replace(" ", "").Replace("\u00a0", "").Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value : null;

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
