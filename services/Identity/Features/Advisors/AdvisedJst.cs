using Cro.BuildingBlocks.Persistence;
using Dapper;

namespace Cro.Identity.Features.Advisors;

/// <summary>
/// The JST an advisor advises now, as advisory's events left them (<see cref="AdvisorAssignedConsumer"/>,
/// <see cref="EngagementEndedConsumer"/>): a grant names the advisor's account when advisory or the address found one,
/// and otherwise the address, so an account made later gets it too.
/// </summary>
public static class AdvisedJst
{
    /// <summary>The JST of <paramref name="user"/>'s open grants, for their next token.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(NpgsqlDataSource db, User user, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT DISTINCT jst_terc FROM advised_jst
            WHERE ended_at IS NULL AND assigned_at IS NOT NULL
              AND (user_id = @Id OR (user_id IS NULL AND lower(email) = lower(@Email)))
            ORDER BY jst_terc
            """, new { user.Id, Email = user.Email ?? "" }, cancellationToken: ct))];
    }

    /// <summary>The account with <paramref name="email"/>, if there is one (addresses are unique).</summary>
    public static Task<Guid?> AccountAsync(DataSession session, ILookupNormalizer normalizer, string email) =>
        session.QuerySingleOrDefaultAsync<Guid?>("""SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""",
            new { email = normalizer.NormalizeEmail(email.Trim()) });

    /// <summary>On erasure: the person's grants keep their account and lose the address.</summary>
    public static Task ForgetAsync(NpgsqlTransaction transaction, Guid userId, string? email, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE advised_jst SET user_id = @userId, email = NULL
            WHERE user_id = @userId OR (user_id IS NULL AND lower(email) = lower(@email))
            """, new { userId, email = email ?? "" }, transaction, cancellationToken: ct));
}
