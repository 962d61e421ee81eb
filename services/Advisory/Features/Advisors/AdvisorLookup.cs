using Cro.Advisory.Features.Access;

namespace Cro.Advisory.Features.Advisors;

/// <summary>Finds the advisor record of the signed-in advisor, or the one an operator names.</summary>
internal static class AdvisorLookup
{
    /// <summary>
    /// The advisor "me" stands for (the caller's record) or <paramref name="advisorId"/> (an operator acting for them; an
    /// advisor may name only themselves). Null with the answer to give when there is none the caller may act for.
    /// </summary>
    public static async Task<(Guid? Id, IResult? Refusal)> ResolveAsync(DataSession session, Caller caller, Guid? advisorId)
    {
        var id = advisorId is { } named && caller.IsOperator
            ? await session.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM advisors WHERE id = @named", new { named })
            : await session.QuerySingleOrDefaultAsync<Guid?>($"SELECT a.id FROM advisors a WHERE {Caller.Match("a")} LIMIT 1",
                new { caller.UserId, Email = caller.Email ?? "" });
        if (id is null || (advisorId is { } asked && asked != id))
        {
            return (null, ProblemDetailsDefaults.NotFound("Nie ma takiego doradcy albo nie możesz działać w jego imieniu.",
                "There is no such advisor, or you cannot act for them."));
        }
        return (id, null);
    }
}
