using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Access;
using Dapper;
using FluentValidation;
using Npgsql;

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

    private static Task<IResult> AddTeamsAsync(Guid id, TeamsRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time,
        CancellationToken ct) =>
        WithCohortAsync(id, context, db, transaction => CohortTeams.PlaceAsync(transaction, id, request.ApplicationIds, time.GetUtcNow(), ct), ct);

    private static Task<IResult> AssignTrainersAsync(Guid id, TrainersRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time,
        CancellationToken ct) =>
        WithCohortAsync(id, context, db, async transaction =>
        {
            await CohortTeams.AssignTrainersAsync(transaction, id, request.Trainers, time.GetUtcNow(), ct);
            return null;
        }, ct);

    private static async Task<IResult> WithCohortAsync(Guid id, HttpContext context, NpgsqlDataSource db,
        Func<NpgsqlTransaction, Task<IResult?>> change, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await TrainingScope.SetAsync(transaction, context.User, ct);
        // The cohort row is locked so concurrent changes of one cohort apply one after the other.
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM cohorts WHERE id = @id FOR UPDATE)",
                new { id }, transaction, cancellationToken: ct)))
        {
            return CohortAccess.NotFound();
        }
        if (await change(transaction) is { } refusal)
        {
            return refusal;
        }
        var view = await CohortViews.FindAsync(transaction, id, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(view);
    }
}
