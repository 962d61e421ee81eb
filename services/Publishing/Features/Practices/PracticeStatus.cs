namespace Cro.Publishing.Features.Practices;

/// <summary>
/// Where a practice stands: the authors' <see cref="Draft"/>; <see cref="Submitted"/> to the JST's advisor; in ORE's
/// <see cref="EditorReview"/>; <see cref="ChangesRequested"/> by either reviewer; <see cref="Published"/> in the catalogue;
/// <see cref="Unpublished"/> by ORE, with a reason (the authors may revise it and submit it again).
/// </summary>
public static class PracticeStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string EditorReview = "editor-review";
    public const string ChangesRequested = "changes-requested";
    public const string Published = "published";
    public const string Unpublished = "unpublished";

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, EditorReview, ChangesRequested, Published, Unpublished];

    /// <summary>The authors change the text and files only in these.</summary>
    public static bool IsEditable(string status) => status is Draft or ChangesRequested or Unpublished;

    public static (string Pl, string En) Words(string status) => status switch
    {
        Draft => ("szkicem", "a draft"),
        Submitted => ("u doradcy do oceny", "with the advisor for review"),
        EditorReview => ("w redakcji ORE", "in ORE's editorial review"),
        ChangesRequested => ("zwrócona autorom do poprawy", "returned to its authors for changes"),
        Published => ("opublikowana", "published"),
        _ => ("wycofana z katalogu", "withdrawn from the catalogue"),
    };

    /// <summary>409 naming the practice's state and what the operation needs.</summary>
    public static IResult WrongState(string status, string needsPl, string needsEn)
    {
        var (pl, en) = Words(status);
        return Problems.Conflict($"Praktyka jest {pl}.", $"The practice is {en}.", $"Praktyka jest {pl}; {needsPl}", $"The practice is {en}; {needsEn}");
    }

    public static IResult NotEditable(string status) => WrongState(status,
        "autorzy zmieniają ją jako szkic, po zwrocie do poprawy albo po wycofaniu z katalogu.",
        "its authors change it as a draft, when it is returned for changes, or after it is withdrawn from the catalogue.");
}

/// <summary>Who reviews: the JST's advisor first, then ORE's editor.</summary>
public static class ReviewStage
{
    public const string Advisor = "advisor";
    public const string Editor = "editor";
}

/// <summary>The decisions of a practice's review history.</summary>
public static class ReviewDecision
{
    public const string Approved = "approved";
    public const string ChangesRequested = "changes-requested";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
}
