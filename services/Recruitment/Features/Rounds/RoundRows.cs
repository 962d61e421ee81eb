using Dapper;
using Npgsql;

namespace Cro.Recruitment.Features.Rounds;

internal static class RoundRows
{
    public static Task<bool> ExistsAsync(NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM rounds WHERE id = @id)", new { id }, transaction, cancellationToken: ct));

    public static IResult NotFound() => Cro.ServiceDefaults.ProblemDetailsDefaults.NotFound(
        "Nie ma naboru o tym identyfikatorze.", "There is no round with this id.");
}
