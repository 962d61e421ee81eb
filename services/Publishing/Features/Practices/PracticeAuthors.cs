namespace Cro.Publishing.Features.Practices;

/// <summary>
/// An author of a practice as stored: a member of the JST's task team (<paramref name="MemberId"/>), or a person a partner
/// named; <paramref name="Lead"/> for the team member who started it. <paramref name="Email"/> is null once erased.
/// </summary>
/// <param name="UserId">The account of the lead author, when they wrote it signed in.</param>
[OpenApiSchemaName("PracticeAuthor")]
public sealed record PracticeAuthor(Guid? MemberId, Guid? UserId, string FullName, string? Email, bool Lead);

/// <summary>
/// The authors a save names, checked against the JST's team: the lead author (for a team's practice, whoever started it)
/// and the co-authors, each a current member of the JST's team by member id, or, from a partner, a person by name and
/// address. An unknown member is a 400 at its field (<c>authors[1].memberId</c>).
/// </summary>
public static class PracticeAuthors
{
    public static async Task<(IReadOnlyList<PracticeAuthor>? Authors, IResult? Refusal)> ResolveAsync(DataSession session, string terc, PracticeWriter writer,
        PracticeAuthor? lead, IReadOnlyList<AuthorInput>? inputs)
    {
        inputs ??= [];
        var members = await Registry.TeamMembers.CurrentAsync(session, terc, inputs.Select(i => i.MemberId).OfType<Guid>());
        var errors = new Dictionary<string, string[]>();
        var authors = new List<PracticeAuthor>();
        if (lead is not null)
        {
            authors.Add(lead);
        }
        foreach (var (input, i) in inputs.Select((input, i) => (input, i)))
        {
            if (input.MemberId is { } memberId)
            {
                if (!members.TryGetValue(memberId, out var member))
                {
                    errors[$"authors[{i}].memberId"] = [Text.Pick($"Zespół zadaniowy JST nie ma osoby {memberId}.", $"The JST's task team has no member {memberId}.")];
                }
                else if (!authors.Any(a => a.MemberId == memberId))
                {
                    authors.Add(new PracticeAuthor(memberId, null, member.FullName, member.Email, Lead: false));
                }
            }
            else if (!writer.IsPartner)
            {
                errors[$"authors[{i}].memberId"] = [Text.Pick("Współautorem jest członek zespołu zadaniowego JST: wskaż go po identyfikatorze (memberId).",
                    "A co-author is a member of the JST's task team: name them by their id (memberId).")];
            }
            else if (!authors.Any(a => string.Equals(a.Email, input.Email!.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                authors.Add(new PracticeAuthor(null, null, input.FullName!.Trim(), input.Email!.Trim(), Lead: false));
            }
        }
        return errors.Count > 0 ? (null, ProblemDetailsDefaults.ValidationProblem(errors)) : (authors, null);
    }

    /// <summary>The co-authors as a save names them: every author but the lead.</summary>
    public static IReadOnlyList<AuthorInput> AsInputs(IEnumerable<PracticeAuthor> authors) =>
        [.. authors.Where(a => !a.Lead).Select(a => new AuthorInput(a.MemberId, a.FullName, a.Email))];

    /// <summary>The authors as events carry them: those with an address.</summary>
    public static IReadOnlyList<GoodPracticePerson> Recipients(IEnumerable<PracticeAuthor> authors) =>
        [.. authors.Where(a => a.Email is not null).Select(a => new GoodPracticePerson { MemberId = a.MemberId, FullName = a.FullName, Email = a.Email! })];
}
