using FluentValidation;

namespace Cro.Training.Features.Programme;

/// <summary>
/// PUT /api/training/programme — an operator saves the programme as a new version. The request names the
/// version it was edited from: when another operator saved a newer one meanwhile, the answer is 409 and
/// nothing is saved, so no change is silently lost. Cohorts already formed keep the version they follow.
/// </summary>
public static class ChangeProgramme
{
    public sealed record ChangeProgrammeRequest(int BasedOnVersion, ProgrammeDefinition Programme, string? ChangeNote);

    public sealed class Validator : AbstractValidator<ChangeProgrammeRequest>
    {
        public Validator()
        {
            RuleFor(r => r.BasedOnVersion).GreaterThan(0)
                .WithMessage(_ => Text.Pick("Podaj wersję, od której zaczęto zmiany (basedOnVersion).", "Give the version the changes start from (basedOnVersion)."));
            RuleFor(r => r.Programme).NotNull()
                .WithMessage(_ => Text.Pick("Podaj program.", "Give the programme."))
                .SetValidator(new ProgrammeDefinitionValidator());
            RuleFor(r => r.ChangeNote).MaximumLength(1000)
                .WithMessage(_ => Text.Pick("Opis zmiany może mieć do 1000 znaków.", "The change note may have up to 1000 characters."));
        }
    }

    public static RouteHandlerBuilder MapChangeProgramme(this IEndpointRouteBuilder api) => api
        .MapPut("/programme", HandleAsync)
        .WithName("ChangeProgramme")
        .WithSummary("Zmień program (nowa wersja) / Change the programme (a new version)")
        .Validate<ChangeProgrammeRequest>()
        .Produces<ProgrammeView>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(ChangeProgrammeRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var current = await ProgrammeStore.CurrentVersionAsync(session);
        var saved = current == request.BasedOnVersion && await ProgrammeStore.TryInsertAsync(session, request.BasedOnVersion + 1,
            request.Programme, request.ChangeNote?.Trim(), context.User.PersonId(), time.GetUtcNow());
        if (!saved)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Program zmienił się w międzyczasie.", "The programme changed meanwhile."),
                detail: Text.Pick($"Zmiany zaczęto od wersji {request.BasedOnVersion}, a aktualna jest nowsza. Wczytaj aktualną wersję i wprowadź zmiany ponownie.",
                    $"The changes start from version {request.BasedOnVersion}, and a newer one is current. Load the current version and make the changes again."));
        }
        var programme = await ProgrammeStore.FindAsync(session, request.BasedOnVersion + 1);
        await session.CommitAsync();
        return TypedResults.Ok(programme);
    }
}
