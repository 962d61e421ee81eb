namespace Cro.Publishing.Features.Proposals;

/// <summary>A proposal that a JST describe something as a good practice, and what its team did with it.</summary>
/// <param name="ProposedByRole">trainer, advisor or operator.</param>
/// <param name="Status">open, taken (a draft was started from it: <paramref name="PracticeId"/>) or declined (<paramref name="DeclineReason"/>).</param>
[OpenApiSchemaName("GoodPracticeProposal")]
public sealed record ProposalView(Guid Id, string JstTerc, string? JstName, string Title, string Description, string ProposedByName, string ProposedByRole,
    DateTimeOffset ProposedAt, string Status, Guid? PracticeId, DateTimeOffset? AnsweredAt, string? DeclineReason)
{
    public const string Open = "open";
    public const string Taken = "taken";
    public const string Declined = "declined";

    public const string Select = """
        SELECT p.id, p.jst_terc, j.name AS jst_name, p.title, p.description, p.proposed_by_name, p.proposed_by_role, p.proposed_at, p.status,
               p.practice_id, p.answered_at, p.decline_reason
        FROM practice_proposals p LEFT JOIN jst j ON j.terc = p.jst_terc
        """;

    public static Task<ProposalView?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<ProposalView>(Select + " WHERE p.id = @id" + (forUpdate ? " FOR UPDATE OF p" : ""), new { id });

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej propozycji.", "There is no such proposal.");
}
