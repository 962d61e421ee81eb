using Cro.Training.Features.Programme;
using FluentValidation;

namespace Cro.Training.Features.Cohorts;

/// <summary>
/// POST /api/training/cohorts — an operator forms a cohort from waiting JST teams and assigns its trainers.
/// The cohort follows the programme version current now, for good: later changes of the programme do not
/// reach it. A team that is unknown or not accepted is 422; one withdrawn or already in a cohort is 409.
/// </summary>
public static class CreateCohort
{
    public sealed record CreateCohortRequest(string Name, IReadOnlyList<Guid> ApplicationIds, IReadOnlyList<TrainerInput>? Trainers = null);

    public sealed class Validator : AbstractValidator<CreateCohortRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200)
                .WithMessage(_ => Text.Pick("Podaj nazwę grupy (do 200 znaków).", "Give the cohort a name (up to 200 characters)."));
            RuleFor(r => r.ApplicationIds).Must(CohortRules.AcceptableTeams)
                .WithMessage(_ => Text.Pick("Wskaż od 1 do 100 różnych zespołów JST (applicationIds).", "Name from 1 to 100 different JST teams (applicationIds)."));
            RuleFor(r => r.Trainers).Must(CohortRules.Acceptable)
                .WithMessage(_ => CohortRules.TooManyOrRepeated);
            RuleForEach(r => r.Trainers).SetValidator(new TrainerInputValidator());
        }
    }

    public static RouteHandlerBuilder MapCreateCohort(this IEndpointRouteBuilder api) => api
        .MapPost("/cohorts", HandleAsync)
        .WithName("CreateCohort")
        .WithSummary("Utwórz grupę szkoleniową / Form a cohort")
        .Validate<CreateCohortRequest>()
        .Produces<CohortView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(CreateCohortRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var version = await ProgrammeStore.CurrentVersionAsync(session)
            ?? throw new InvalidOperationException("The programme has no version; start-up seeds version 1.");
        await session.ExecuteAsync("""
            INSERT INTO cohorts (id, name, programme_version, created_by, created_at) VALUES (@id, @name, @version, @by, @now)
            """, new { id, name = request.Name.Trim(), version, by = context.User.PersonId(), now = now.ToUniversalTime() });
        if (await CohortTeams.PlaceAsync(session, id, request.ApplicationIds, now) is { } refusal)
        {
            return refusal;
        }
        await CohortTeams.AssignTrainersAsync(session, id, request.Trainers ?? [], now);
        var view = await CohortViews.FindAsync(session, id);
        await session.CommitAsync();
        return TypedResults.Created($"/api/training/cohorts/{id}", view);
    }
}
