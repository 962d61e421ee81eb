namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// Where a period's report stands: the team's <see cref="Draft"/> (from the plan's adoption, empty until the team writes
/// it), <see cref="Submitted"/> to review, <see cref="Returned"/> by the reviewer with a comment, <see cref="Accepted"/>.
/// </summary>
public static class ReportStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Accepted = "accepted";

    /// <summary>The team writes the report only in these.</summary>
    public static bool IsEditable(string status) => status is Draft or Returned;

    public static (string Pl, string En) Words(string status) => status switch
    {
        Draft => ("w przygotowaniu", "a draft"),
        Submitted => ("przesłane do oceny", "submitted to review"),
        Returned => ("zwrócone do poprawy", "returned for changes"),
        _ => ("zaakceptowane", "accepted"),
    };

    /// <summary>409 naming the report's state and what the operation needs.</summary>
    public static IResult WrongState(string status, string needsPl, string needsEn)
    {
        var (pl, en) = Words(status);
        return Problems.Conflict($"Sprawozdanie jest {pl}.", $"The report is {en}.", $"Sprawozdanie jest {pl}; {needsPl}", $"The report is {en}; {needsEn}");
    }
}
