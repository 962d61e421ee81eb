namespace Cro.Publishing.Features.Practices;

/// <summary>
/// GET /api/publishing/practices/{id} — a practice as it is being written or reviewed, with its versions' summaries and
/// review history; GET …/versions/{number} — a version as it was submitted. Only for the JST's team, its advisor and ORE
/// (another JST's people get 404); the public reads the catalogue.
/// </summary>
public static class GetPractice
{
    public static IEndpointRouteBuilder MapGetPractice(this IEndpointRouteBuilder api)
    {
        api.MapGet("/practices/{id:guid}", async (Guid id, [RepeatableRead] DataSession session) =>
                await PracticeView.FindAsync(session, id) is { } practice ? Results.Ok(practice) : PracticeRow.NotFound())
            .WithName("GetPractice").WithSummary("Dobra praktyka w opracowaniu i ocenie / A good practice being written and reviewed")
            .Produces<PracticeView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/practices/{id:guid}/versions/{number:int}", async (Guid id, int number, [RepeatableRead] DataSession session) =>
                await PracticeVersionView.FindAsync(session, id, number) is { } version
                    ? Results.Ok(version)
                    : ProblemDetailsDefaults.NotFound("Praktyka nie ma takiej wersji.", "The practice has no such version."))
            .WithName("GetPracticeVersion").WithSummary("Wersja dobrej praktyki, jak ją przesłano / A version of the good practice as submitted")
            .Produces<PracticeVersionView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }
}
