namespace Cro.Advisory.Features.Engagements;

/// <summary>How an engagement ended, as <c>EngagementEnded.How</c> says it.</summary>
public static class EngagementEnd
{
    /// <summary>Its end date came.</summary>
    public const string Term = "term";

    /// <summary>Ended before its end date, with a reason (an operator's decision, the JST's withdrawal).</summary>
    public const string Early = "early";
}
