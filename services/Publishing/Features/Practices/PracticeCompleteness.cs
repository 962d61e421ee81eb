namespace Cro.Publishing.Features.Practices;

/// <summary>
/// What a practice needs to be submitted to review, besides what every save checks: the title, summary, problem, solution,
/// at least one step, the effects, at least one topic and one contact, and an author with an address (whom its notices go
/// to). A 409 names each missing field in <c>errors</c>, as a 400 names invalid ones.
/// </summary>
public static class PracticeCompleteness
{
    public static IResult? Check(PracticeTemplate template, IReadOnlyList<PracticeAuthor> authors)
    {
        var missing = new Dictionary<string, string[]>();
        void Need(bool present, string field, string pl, string en)
        {
            if (!present)
            {
                missing[field] = [Text.Pick(pl, en)];
            }
        }
        Need(!string.IsNullOrWhiteSpace(template.Title), "title", "Podaj tytuł.", "Give the title.");
        Need(!string.IsNullOrWhiteSpace(template.Summary), "summary", "Napisz streszczenie.", "Write the summary.");
        Need(!string.IsNullOrWhiteSpace(template.Problem), "problem", "Opisz problem, który praktyka rozwiązała.", "Describe the problem the practice solved.");
        Need(!string.IsNullOrWhiteSpace(template.Solution), "solution", "Opisz rozwiązanie.", "Describe the solution.");
        Need(template.Steps is { Count: > 0 }, "steps", "Opisz, jak to zrobiono: co najmniej jeden krok.", "Describe how it was done: at least one step.");
        Need(!string.IsNullOrWhiteSpace(template.Effects), "effects", "Opisz efekty.", "Describe the effects.");
        Need(template.Topics is { Count: > 0 }, "topics", "Wybierz co najmniej jeden temat.", "Choose at least one topic.");
        Need(template.Contacts is { Count: > 0 }, "contacts", "Podaj co najmniej jedną osobę do kontaktu.", "Give at least one contact.");
        Need(authors.Any(a => a.Email is not null), "authors", "Praktyka potrzebuje autora z adresem e-mail.", "The practice needs an author with an e-mail address.");
        if (missing.Count == 0)
        {
            return null;
        }
        var fields = string.Join(", ", missing.Keys);
        return Results.Problem(statusCode: StatusCodes.Status409Conflict,
            title: Text.Pick("Praktyki nie można jeszcze przesłać.", "The practice cannot be submitted yet."),
            detail: Text.Pick($"Uzupełnij: {fields}.", $"Fill in: {fields}."),
            extensions: new Dictionary<string, object?> { ["errors"] = missing });
    }
}
