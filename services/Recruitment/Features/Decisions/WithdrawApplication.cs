using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Rounds;
using FluentValidation;

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

    private static Task<IResult> HandleAsync(Guid id, WithdrawApplicationRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            if (CoordinatorOrOperator.Refusal(context.User, access.Application.JstTerc) is { } notAllowed)
            {
                return notAllowed;
            }
            var session = access.Session;
            await RoundLock.TakeAsync(session, access.Application.RoundId);
            var application = (await ApplicationStore.FindAsync(session, id))!;
            if (!ApplicationStatus.Live.Contains(application.Status))
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Nie można zrezygnować.", "Cannot withdraw."),
                    detail: Text.Pick($"Wniosek ma status „{application.Status}”.", $"The application's status is '{application.Status}'."));
            }
            var now = time.GetUtcNow();
            var hadPlace = application.Status == ApplicationStatus.Accepted;
            await DecisionLog.RecordAsync(session, application, ApplicationStatus.Withdrawn, request.Reason?.Trim(), context.User.PersonId(), now);
            var replacement = hadPlace ? await PromoteBestReserveAsync(session, application, now) : null;
            await session.EnqueueAsync(new JstWithdrew
            {
                ApplicationId = id, RoundId = application.RoundId, RoundName = application.RoundName, JstTerc = application.JstTerc,
                JstName = application.JstName, HadPlace = hadPlace, Reason = request.Reason?.Trim(), WithdrewAt = now,
                Team = DecisionLog.Team(application), ReplacedBy = replacement,
            });
            var view = await access.ViewAsync();
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });

    /// <summary>
    /// Accepts the best reserve application of the round, if there is one. It belongs to another JST,
    /// which the caller may not see: from here on the platform acts, so the scope widens to every JST.
    /// </summary>
    private static async Task<Guid?> PromoteBestReserveAsync(DataSession session, ApplicationRow withdrawn, DateTimeOffset now)
    {
        await session.ChangeScopeAsync(JstScope.All);
        var best = await session.QuerySingleOrDefaultAsync<ReserveRow>($"""
            SELECT a.id FROM applications a WHERE a.round_id = @RoundId AND a.status = '{ApplicationStatus.Reserve}'
            ORDER BY {Ranking.OrderBy} LIMIT 1
            """, new { withdrawn.RoundId });
        if (best is null)
        {
            return null;
        }
        var promoted = (await ApplicationStore.FindAsync(session, best.Id))!;
        await DecisionLog.RecordAsync(session, promoted, ApplicationStatus.Accepted,
            $"Awans z listy rezerwowej po rezygnacji JST {withdrawn.JstName}.", decidedBy: null, now);
        await session.EnqueueAsync(DecisionLog.Accepted(promoted, now, promoted: true));
        return promoted.Id;
    }
}
