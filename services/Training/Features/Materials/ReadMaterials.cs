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

    private static async Task<IResult> ListAsync(string code, HttpContext context, [RepeatableRead] DataSession session)
    {
        if (!await Materials.ModuleExistsAsync(session, code))
        {
            return Materials.ModuleNotFound();
        }
        var all = await Materials.SeesAllAsync(session, context.User);
        var materials = await session.QueryAsync<MaterialView>(Materials.Select(withText: false)
            + " WHERE module_code = @code AND (is_public OR @all) ORDER BY created_at, id", new { code, all });
        return TypedResults.Ok(materials.ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session)
    {
        var all = await Materials.SeesAllAsync(session, context.User);
        var material = await session.QuerySingleOrDefaultAsync<MaterialView>(Materials.Select(withText: true) + " WHERE id = @id AND (is_public OR @all)",
            new { id, all });
        return material is null ? Materials.NotFound() : TypedResults.Ok(material);
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, DataSession session) =>
        await Materials.DownloadAsync(session.Connection, session.Transaction, context, id, publicOnly: !await Materials.SeesAllAsync(session, context.User),
            session.Cancellation);
}
