namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// GET /api/recruitment/applications/{id} — the applicant (with the key), the JST's own team, or an
/// operator reads an application; anyone else gets 404.
/// </summary>
public static class GetApplication
{
    public static RouteHandlerBuilder MapGetApplication(this IEndpointRouteBuilder api) => api
        .MapGet("/applications/{id:guid}", HandleAsync)
        .WithName("GetApplication")
        .WithSummary("Wniosek JST / A JST application")
        .Produces<ApplicationView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithApplicationKey()
        // Open to the key holder, who has no account: the access check is ApplicationAccess, per JST.
        .AllowAnonymous();

    private static Task<IResult> HandleAsync(Guid id, HttpContext context, NpgsqlDataSource db) =>
        ApplicationAccess.WithAsync(context, db, id, access => Task.FromResult<IResult>(TypedResults.Ok(access.Application.ToView())));
}
