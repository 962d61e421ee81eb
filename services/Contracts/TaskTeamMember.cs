namespace Cro.Contracts;

/// <summary>
/// A person of a JST's task team as recruitment events carry them. Sex is one of woman, man,
/// non-binary, undisclosed (the categories ESF+ reporting counts), fixed at the moment of the event.
/// </summary>
public sealed record TaskTeamMember
{
    public required Guid MemberId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string Position { get; init; }
    public required string Sex { get; init; }
    public required bool IsCoordinator { get; init; }
}
