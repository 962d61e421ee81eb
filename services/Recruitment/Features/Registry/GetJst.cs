using Dapper;

namespace Cro.Recruitment.Features.Registry;

/// <summary>GET /api/recruitment/jst/{terc} — one JST by its TERC code.</summary>
public static class GetJst
{
    public static RouteHandlerBuilder MapGetJst(this IEndpointRouteBuilder api) => api
        .MapGet("/jst/{terc}", HandleAsync)
        .WithName("GetJst")
        .WithSummary("JST według kodu TERC / A JST by its TERC code")
        .Produces<JstResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .AllowAnonymous();

    private static async Task<IResult> HandleAsync(string terc, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!Terc.Code().IsMatch(terc))
        {
            return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["terc"] = [Text.Pick("Kod TERC ma 2, 4 lub 7 cyfr (województwo, powiat, gmina).",
                    "A TERC code has 2, 4 or 7 digits (województwo, powiat, gmina).")],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JstRow>(new CommandDefinition(
            JstRow.SelectSql + " WHERE j.terc = @terc", new { terc }, cancellationToken: ct));
        return row is { } found
            ? TypedResults.Ok(found.ToResponse())
            : ProblemDetailsDefaults.NotFound($"W rejestrze nie ma JST o kodzie TERC {terc}.", $"No JST with TERC code {terc} is registered.");
    }
}
