namespace Cro.Contracts;

/// <summary>
/// A school's diagnosis questionnaire was submitted, by its director's link or by the JST's team; again after a reopening.
/// Counts only: the answers stay in monitoring.
/// </summary>
public sealed record SchoolQuestionnaireSubmitted : IIntegrationEvent
{
    public required Guid DiagnosisId { get; init; }
    public required Guid QuestionnaireId { get; init; }
    public required Guid SchoolId { get; init; }
    public required string JstTerc { get; init; }
    public required int InstrumentVersion { get; init; }
    /// <summary>Required questions asked (whose conditions held); all of them answered, or it would not be submitted.</summary>
    public required int RequiredQuestions { get; init; }
    /// <summary>Questions answered in all, required or not (a repeat group counts once).</summary>
    public required int AnsweredQuestions { get; init; }
    /// <summary>Submitted through the school director's link, not by the team.</summary>
    public required bool ViaLink { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
