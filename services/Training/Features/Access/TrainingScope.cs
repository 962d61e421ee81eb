using System.Security.Claims;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Access;

/// <summary>
/// The JST whose people a caller may see in training, the scope of every <see cref="DataSession"/> of the service:
/// operators and administrators every JST; a JST's team its own JST; a trainer the JST of the teams in the cohorts
/// they train (and of teams moved out of them since). Everyone else sees no participant at all.
/// </summary>
internal sealed class TrainingScope : IJstScopeSource
{
    public async ValueTask<JstScope> ScopeOfAsync(ClaimsPrincipal user, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var scope = JstScope.For(user);
        var caller = Caller.From(user);
        if (!scope.IncludesAll && caller.IsTrainer)
        {
            // teams and their moves carry no personal data and no row-level security: the trainer's JST are read before the
            // scope is set. A team moved out of the trainer's cohort stays in scope, so its marks there stay on their sheets.
            var trained = await transaction.Connection!.QueryAsync<string>(new CommandDefinition($"""
                SELECT t.jst_terc FROM teams t JOIN cohort_trainers c ON c.cohort_id = t.cohort_id
                WHERE {Caller.Match("c")}
                UNION
                SELECT t.jst_terc FROM team_cohort_changes x JOIN teams t ON t.application_id = x.application_id
                JOIN cohort_trainers c ON c.cohort_id = x.from_cohort_id
                WHERE {Caller.Match("c")}
                """, caller, transaction, cancellationToken: ct));
            scope = JstScope.Of(scope.Tercs.Concat(trained));
        }
        return scope;
    }
}
