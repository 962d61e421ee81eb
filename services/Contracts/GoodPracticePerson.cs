namespace Cro.Contracts;

/// <summary>
/// Someone a good practice's notices go to, as publishing's events carry them: an author (a member of the JST's task team,
/// or a person a partner named) or the JST's advisor. Events carry only people with an address.
/// </summary>
public sealed record GoodPracticePerson
{
    /// <summary>The task team member id (recruitment's) for a team member; none for someone else.</summary>
    public Guid? MemberId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
}
