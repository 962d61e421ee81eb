namespace Cro.Contracts;

/// <summary>
/// The JST's advisor (or ORE) accepted the JST's diagnosis. It carries the findings and recommendations, by id, title and
/// the keys they rest on, for the strategic plan to refer to; their full text stays in monitoring.
/// </summary>
public sealed record DiagnosisAccepted : IIntegrationEvent
{
    public required Guid DiagnosisId { get; init; }
    public required string JstTerc { get; init; }
    /// <summary>baseline, after-12-months or after-36-months.</summary>
    public required string Kind { get; init; }
    public required int InstrumentVersion { get; init; }
    /// <summary>The submission accepted (1 when accepted without a return).</summary>
    public required int Round { get; init; }
    public required IReadOnlyList<AcceptedFinding> Findings { get; init; }
    public required IReadOnlyList<AcceptedRecommendation> Recommendations { get; init; }
    public Guid? AcceptedBy { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
}

/// <summary>A finding of an accepted diagnosis.</summary>
/// <param name="Priority">high, medium or low.</param>
/// <param name="SectionKeys">Instrument sections (of the diagnosis's version) it rests on.</param>
/// <param name="QuestionKeys">Instrument questions it rests on.</param>
/// <param name="FigureKeys">Figures of the JST picture it rests on, each <c>figure:&lt;key&gt;</c>.</param>
public sealed record AcceptedFinding(Guid Id, string Title, string Priority, IReadOnlyList<string> SectionKeys, IReadOnlyList<string> QuestionKeys,
    IReadOnlyList<string> FigureKeys);

/// <summary>A recommendation of an accepted diagnosis, and the findings it follows from.</summary>
public sealed record AcceptedRecommendation(Guid Id, string Title, IReadOnlyList<Guid> FindingIds);
