using Cro.Publishing.Features.Template;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// A good practice as its authors write it, field by field, on the template ORE uses. A draft may leave fields empty (its
/// title excepted); a submission needs every field <see cref="PracticeCompleteness"/> names. Costs are PLN; topics, the
/// licence and sources of funding are codes of the fixed lists (GET /api/publishing/template).
/// </summary>
/// <param name="Summary">A few sentences the catalogue lists the practice with.</param>
/// <param name="Steps">How it was done, step by step.</param>
/// <param name="Evidence">Figures and links that show the effects.</param>
/// <param name="PlanId">The JST's strategic plan (monitoring's) the practice carried out, when it did.</param>
/// <param name="PlanActionIds">The plan's actions it carried out (and whose reported results show its effects).</param>
/// <param name="ToRepeat">What another JST needs to repeat it.</param>
/// <param name="Licence">The licence it is published under; CC-BY-4.0 unless the authors choose another.</param>
/// <param name="PublishAuthorNames">The authors consent to their names being published with it.</param>
/// <param name="Authors">The co-authors: the JST's team members by memberId (a partner may also name people by fullName and email).
/// The team member who started the practice is its author without being listed.</param>
[OpenApiSchemaName("PracticeTemplate")]
public sealed record PracticeTemplate(
    [property: FieldLabel("Tytuł", "Title")] string? Title,
    [property: FieldLabel("Streszczenie", "Summary")] string? Summary = null,
    [property: FieldLabel("Problem", "The problem")] string? Problem = null,
    [property: FieldLabel("Rozwiązanie", "The solution")] string? Solution = null,
    [property: FieldLabel("Jak to zrobiono (kroki)", "How it was done (steps)")] IReadOnlyList<PracticeStep>? Steps = null,
    [property: FieldLabel("Efekty", "Effects")] string? Effects = null,
    [property: FieldLabel("Dowody efektów", "Evidence of the effects")] IReadOnlyList<EffectEvidence>? Evidence = null,
    [property: FieldLabel("Plan strategiczny JST", "The JST's strategic plan")] Guid? PlanId = null,
    [property: FieldLabel("Działania planu", "The plan's actions")] IReadOnlyList<Guid>? PlanActionIds = null,
    [property: FieldLabel("Koszty", "Costs")] IReadOnlyList<CostItem>? Costs = null,
    [property: FieldLabel("Partnerzy", "Partners")] IReadOnlyList<string>? Partners = null,
    [property: FieldLabel("Napotkane trudności", "Difficulties met")] string? Difficulties = null,
    [property: FieldLabel("Co trzeba, by to powtórzyć", "What it takes to repeat it")] string? ToRepeat = null,
    [property: FieldLabel("Kontakty", "Contacts")] IReadOnlyList<PracticeContact>? Contacts = null,
    [property: FieldLabel("Tematy", "Topics")] IReadOnlyList<string>? Topics = null,
    [property: FieldLabel("Licencja", "Licence")] string? Licence = null,
    [property: FieldLabel("Zgoda autorów na podanie ich nazwisk", "The authors' consent to publish their names")] bool PublishAuthorNames = false,
    [property: FieldLabel("Współautorzy", "Co-authors")] IReadOnlyList<AuthorInput>? Authors = null)
{
    /// <summary>The sum of the costs, PLN (a method, so it is no field of the template a client sends).</summary>
    public decimal CostTotal() => (Costs ?? []).Sum(c => c.Amount);

    /// <summary>The text as stored: trimmed, lists never null, the licence chosen or the default, and no co-authors (kept apart, resolved).</summary>
    public PracticeTemplate Normalised() => this with
    {
        Title = Title?.Trim(), Summary = Blank(Summary), Problem = Blank(Problem), Solution = Blank(Solution), Effects = Blank(Effects),
        Difficulties = Blank(Difficulties), ToRepeat = Blank(ToRepeat),
        Steps = [.. (Steps ?? []).Select(s => new PracticeStep(s.Title.Trim(), Blank(s.Description)))],
        Evidence = [.. (Evidence ?? []).Select(e => new EffectEvidence(e.Description.Trim(), e.Value, Blank(e.Unit), Blank(e.Url)))],
        PlanActionIds = [.. (PlanActionIds ?? []).Distinct()],
        Costs = [.. (Costs ?? []).Select(c => c with { Description = c.Description.Trim() })],
        Partners = [.. (Partners ?? []).Select(p => p.Trim())],
        Contacts = [.. (Contacts ?? []).Select(c => new PracticeContact(c.FullName.Trim(), Blank(c.Position), Blank(c.Email), Blank(c.Phone)))],
        Topics = [.. (Topics ?? []).Distinct()],
        Licence = string.IsNullOrWhiteSpace(Licence) ? Licences.Default : Licence,
        Authors = null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

[OpenApiSchemaName("PracticeStep")]
public sealed record PracticeStep(
    [property: FieldLabel("Krok", "Step")] string Title,
    [property: FieldLabel("Opis kroku", "The step's description")] string? Description = null);

/// <param name="Value">A figure, when the evidence is one (e.g. 120).</param>
/// <param name="Unit">Its unit (e.g. "uczniów z laptopem").</param>
/// <param name="Url">A link to the evidence (https://…).</param>
[OpenApiSchemaName("PracticeEffectEvidence")]
public sealed record EffectEvidence(
    [property: FieldLabel("Opis dowodu", "What the evidence shows")] string Description,
    [property: FieldLabel("Wartość", "Value")] decimal? Value = null,
    [property: FieldLabel("Jednostka", "Unit")] string? Unit = null,
    [property: FieldLabel("Łącze do dowodu", "Link to the evidence")] string? Url = null);

/// <param name="Amount">PLN.</param>
/// <param name="Source">A code of the sources of funding.</param>
[OpenApiSchemaName("PracticeCost")]
public sealed record CostItem(
    [property: FieldLabel("Na co", "What for")] string Description,
    [property: FieldLabel("Kwota (zł)", "Amount (PLN)")] decimal Amount,
    [property: FieldLabel("Źródło finansowania", "Source of funding")] string Source);

/// <summary>Whom another JST may ask about the practice; published with it.</summary>
[OpenApiSchemaName("PracticeContact")]
public sealed record PracticeContact(
    [property: FieldLabel("Imię i nazwisko osoby do kontaktu", "Contact's name")] string FullName,
    [property: FieldLabel("Stanowisko", "Position")] string? Position = null,
    [property: FieldLabel("Adres e-mail osoby do kontaktu", "Contact's e-mail address")] string? Email = null,
    [property: FieldLabel("Telefon", "Phone")] string? Phone = null);

/// <summary>A co-author: a member of the JST's task team by <paramref name="MemberId"/>, or (from a partner) a person by name and address.</summary>
[OpenApiSchemaName("PracticeAuthorInput")]
public sealed record AuthorInput(
    [property: FieldLabel("Członek zespołu zadaniowego", "Task team member")] Guid? MemberId = null,
    [property: FieldLabel("Imię i nazwisko autora", "Author's name")] string? FullName = null,
    [property: FieldLabel("Adres e-mail autora", "Author's e-mail address")] string? Email = null);
