namespace Cro.Contracts;

/// <summary>
/// The authors of a JST's good practice submitted it to review (a new version): to the JST's advisor first, or straight
/// back to ORE's editors when they were the ones who asked for changes (<see cref="ReviewStage"/>). Notifications tells the
/// authors, and the advisors that it waits for them.
/// </summary>
public sealed record GoodPracticeSubmitted : IIntegrationEvent
{
    public required Guid PracticeId { get; init; }
    public required string JstTerc { get; init; }
    public required string JstName { get; init; }
    public required string Title { get; init; }
    /// <summary>The version submitted, from 1: one per submission, each kept.</summary>
    public required int Version { get; init; }
    /// <summary>advisor (the JST's advisor reviews it next) or editor (ORE's editors do).</summary>
    public required string ReviewStage { get; init; }
    /// <summary>The practice's topics (codes of publishing's fixed list).</summary>
    public required IReadOnlyList<string> Topics { get; init; }
    /// <summary>Submitted through the partner association's API client on the JST's behalf.</summary>
    public required bool ByPartner { get; init; }
    public required IReadOnlyList<GoodPracticePerson> Authors { get; init; }
    /// <summary>The JST's advisors now, when <see cref="ReviewStage"/> is advisor; otherwise empty.</summary>
    public required IReadOnlyList<GoodPracticePerson> Reviewers { get; init; }
    /// <summary>The platform's address, where authors and reviewers sign in.</summary>
    public required Uri PlatformUrl { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
