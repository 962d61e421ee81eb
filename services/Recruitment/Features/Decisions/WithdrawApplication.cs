using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Contracts;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Rounds;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Dapper;
using FluentValidation;
using Npgsql;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>
/// POST /api/recruitment/applications/{id}/withdrawal — the JST's coordinator (or an operator on its
/// behalf) withdraws the application. If it held a place, the best application on the reserve list
/// (highest score, then earliest submission) is accepted in its stead, in the same transaction.
/// </summary>
public static class WithdrawApplication
{
    public sealed record WithdrawApplicationRequest(string? Reason);

    public sealed class Validator : AbstractValidator<WithdrawApplicationRequest>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(2000)
            .WithMessage(_ => Text.Pick("Uzasadnienie może mieć do 2000 znaków.", "The reason may have up to 2000 characters."));
    }

    public static RouteHandlerBuilder MapWithdrawApplication(this IEndpointRouteBuilder api) => api
        .MapPost("/applications/{id:guid}/withdrawal", HandleAsync)
        .WithName("WithdrawApplication")
        .WithSummary("Rezygnacja JST / The JST withdraws")
        .Validate<WithdrawApplicationRequest>()
        .Produces<ApplicationView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Person);

    private sealed record ReserveRow(Guid Id);

    private static Task<IResult> HandleAsync(Guid id, WithdrawApplicationRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time, CancellationToken ct) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            if (CoordinatorOrOperator.Refusal(context.User, access.Application.JstTerc) is { } notAllowed)
            {
                return notAllowed;
            }
            var transaction = access.Transaction;
            await RoundLock.TakeAsync(transaction, access.Application.RoundId, ct);
            var application = (await ApplicationStore.FindAsync(transaction, id, ct))!;
            if (application.Status is not ("submitted" or "reserve" or "accepted"))
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Nie można zrezygnować.", "Cannot withdraw."),
                    detail: Text.Pick($"Wniosek ma status „{application.Status}”.", $"The application's status is '{application.Status}'."));
            }
            var now = time.GetUtcNow();
            var hadPlace = application.Status == "accepted";
            await DecisionLog.RecordAsync(transaction, application, "withdrawn", request.Reason?.Trim(), context.User.PersonId(), now, ct);
            var replacement = hadPlace ? await PromoteBestReserveAsync(transaction, application, now, ct) : null;
            await transaction.EnqueueAsync(new JstWithdrew
            {
                ApplicationId = id, RoundId = application.RoundId, RoundName = application.RoundName, JstTerc = application.JstTerc,
                JstName = application.JstName, HadPlace = hadPlace, Reason = request.Reason?.Trim(), WithdrewAt = now,
                Team = DecisionLog.Team(application), ReplacedBy = replacement,
        }, ct);
        var view = await access.ViewAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(view);
        }, ct);

    /// <summary>
    /// Accepts the best reserve application of the round, if there is one. It belongs to another JST,
    /// which the caller may not see: from here on the platform acts, so the scope widens to every JST.
    /// </summary>
    private static async Task<Guid?> PromoteBestReserveAsync(NpgsqlTransaction transaction, ApplicationRow withdrawn, DateTimeOffset now, CancellationToken ct)
    {
        await transaction.SetJstScopeAsync(JstScope.All, ct);
        var best = await transaction.Connection!.QuerySingleOrDefaultAsync<ReserveRow>(new CommandDefinition($"""
            SELECT a.id FROM applications a WHERE a.round_id = @RoundId AND a.status = 'reserve'
            ORDER BY {Ranking.OrderBy} LIMIT 1
            """, new { withdrawn.RoundId }, transaction, cancellationToken: ct));
        if (best is null)
        {
            return null;
        }
        var promoted = (await ApplicationStore.FindAsync(transaction, best.Id, ct))!;
        await DecisionLog.RecordAsync(transaction, promoted, "accepted",
            $"Awans z listy rezerwowej po rezygnacji JST {withdrawn.JstName}.", decidedBy: null, now, ct);
        await transaction.EnqueueAsync(DecisionLog.Accepted(promoted, now, promoted: true), ct);
        return promoted.Id;
    }
}
