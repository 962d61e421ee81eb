using System.Security.Claims;
using Dapper;
using Npgsql;

namespace Cro.Advisory.Features.Access;

/// <summary>
/// The JST a caller sees in advisory, the scope of every <see cref="DataSession"/> of the service: ORE staff every JST;
/// a JST's team its own; an advisor the JST of their open engagements (read by <c>advised_tercs</c>, which looks past
/// row-level security and returns codes only). Everyone else (a trainer, a partner client) sees no JST.
/// </summary>
internal sealed class AdvisoryScope : IJstScopeSource
{
    public async ValueTask<JstScope> ScopeOfAsync(ClaimsPrincipal user, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var caller = Caller.From(user);
        if (caller.IsOperator || !caller.IsAdvisor)
        {
            return JstScope.For(user);
        }
        var advised = await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            "SELECT advised_tercs(@UserId, @Email)", new { caller.UserId, Email = caller.Email ?? "" }, transaction, cancellationToken: ct));
        return JstScope.For(user, advised);
    }
}
