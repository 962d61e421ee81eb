using Cro.Training.Features.Teams;
using FluentValidation;

namespace Cro.Training.Features.Cohorts;

/// <summary>
/// POST /api/training/cohorts/{id}/teams — an operator places more waiting teams in a cohort (same rules as
/// forming it, and its coming sessions must seat them: 409 otherwise); PUT /api/training/cohorts/{id}/trainers — the cohort's trainers become the ones given.
/// </summary>
public static class ChangeCohort
{
    [OpenApiSchemaName("AddCohortTeamsRequest")]
    public sealed record TeamsRequest(IReadOnlyList<Guid> ApplicationIds);

    [OpenApiSchemaName("AssignCohortTrainersRequest")]
    public sealed record TrainersRequest(IReadOnlyList<TrainerInput> Trainers);

    public sealed class TeamsValidator : AbstractValidator<TeamsRequest>
    {
        public TeamsValidator() => RuleFor(r => r.ApplicationIds).Must(CohortRules.AcceptableTeams)
            .WithMessage(_ => Text.Pick("Wskaż od 1 do 100 różnych zespołów JST (applicationIds).", "Name from 1 to 100 different JST teams (applicationIds)."));
    }

    public sealed class TrainersValidator : AbstractValidator<TrainersRequest>
    {
        public TrainersValidator()
        {
            RuleFor(r => r.Trainers).Must(t => t is not null && CohortRules.Acceptable(t))
                .WithMessage(_ => CohortRules.TooManyOrRepeated);
            RuleForEach(r => r.Trainers).SetValidator(new TrainerInputValidator());
        }
    }

    public static IEndpointRouteBuilder MapChangeCohort(this IEndpointRouteBuilder api)
    {
        api.MapPost("/cohorts/{id:guid}/teams", AddTeamsAsync)
            .WithName("AddCohortTeams").WithSummary("Dodaj zespoły JST do grupy / Add JST teams to a cohort")
            .Validate<TeamsRequest>().Produces<CohortView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        api.MapPut("/cohorts/{id:guid}/trainers", AssignTrainersAsync)
            .WithName("AssignCohortTrainers").WithSummary("Trenerzy grupy / A cohort's trainers")
            .Validate<TrainersRequest>().Produces<CohortView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static Task<IResult> AddTeamsAsync(Guid id, TeamsRequest request, DataSession session, TimeProvider time) =>
        WithCohortAsync(id, session, () => CohortTeams.PlaceAsync(session, id, request.ApplicationIds, time.GetUtcNow()));

    private static Task<IResult> AssignTrainersAsync(Guid id, TrainersRequest request, DataSession session, TimeProvider time) =>
        WithCohortAsync(id, session, async () =>
        {
            await CohortTeams.AssignTrainersAsync(session, id, request.Trainers, time.GetUtcNow());
            return null;
        });

    private static async Task<IResult> WithCohortAsync(Guid id, DataSession session, Func<Task<IResult?>> change)
    {
        // The cohort row is locked so concurrent changes of one cohort apply one after the other.
        if (!await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM cohorts WHERE id = @id FOR UPDATE)", new { id }))
        {
            return CohortAccess.NotFound();
        }
        if (await change() is { } refusal)
        {
            return refusal;
        }
        var view = await CohortViews.FindAsync(session, id);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
