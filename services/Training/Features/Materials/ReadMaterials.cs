using Cro.ServiceDefaults.Security;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Materials;

/// <summary>
/// For signed-in people: GET /api/training/modules/{code}/materials (a module's materials, in the order
/// added), GET /api/training/materials/{id} (one, with a lesson's HTML) and GET /api/training/materials/{id}/file
/// (a file's bytes). Operators, trainers and enrolled participants see them all; other people the public ones.
/// A module has tens of materials at most, so the list is not paged.
/// </summary>
public static class ReadMaterials
{
    public static IEndpointRouteBuilder MapReadMaterials(this IEndpointRouteBuilder api)
    {
        api.MapGet("/modules/{code}/materials", ListAsync)
            .WithName("ListMaterials").WithSummary("Materiały modułu / A module's materials")
            .Produces<IReadOnlyList<MaterialView>>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Person);
        api.MapGet("/materials/{id:guid}", GetAsync)
            .WithName("GetMaterial").WithSummary("Materiał / A material")
            .Produces<MaterialView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Person);
        api.MapGet("/materials/{id:guid}/file", DownloadAsync)
            .WithName("DownloadMaterial").WithSummary("Plik materiału / A material's file")
            .ProducesFile().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Person);
        return api;
    }

    private static async Task<IResult> ListAsync(string code, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        if (!await Materials.ModuleExistsAsync(connection, code, ct, transaction))
        {
            return Materials.ModuleNotFound();
        }
        var all = await Materials.SeesAllAsync(transaction, context.User, ct);
        var materials = await connection.QueryAsync<MaterialView>(new CommandDefinition(Materials.Select(withText: false)
            + " WHERE module_code = @code AND (is_public OR @all) ORDER BY created_at, id", new { code, all }, transaction, cancellationToken: ct));
        return TypedResults.Ok(materials.ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var all = await Materials.SeesAllAsync(transaction, context.User, ct);
        var material = await connection.QuerySingleOrDefaultAsync<MaterialView>(new CommandDefinition(Materials.Select(withText: true)
            + " WHERE id = @id AND (is_public OR @all)", new { id, all }, transaction, cancellationToken: ct));
        return material is null ? Materials.NotFound() : TypedResults.Ok(material);
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        bool all;
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            all = await Materials.SeesAllAsync(transaction, context.User, ct);
        }
        return await Materials.DownloadAsync(connection, context, id, publicOnly: !all, ct);
    }
}
