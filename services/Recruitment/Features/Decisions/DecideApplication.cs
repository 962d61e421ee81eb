using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Recruitment.Features.Applications;
using FluentValidation;

namespace Cro.Recruitment.Features.Decisions;

/// <summary>
/// POST /api/recruitment/applications/{id}/decision — an operator accepts an application, puts it on
/// the reserve list or rejects it (with a reason). Accepting takes one of the round's places: the round
/// is locked while the places are counted, so two operators accepting the last place at once accept
/// exactly one application, and the other gets 409.
/// </summary>
public static class DecideApplication
{
    public sealed record DecideApplicationRequest(string Decision, string? Reason);

    public static readonly IReadOnlyList<string> Decisions = [ApplicationStatus.Accepted, ApplicationStatus.Reserve, ApplicationStatus.Rejected];

    public sealed class Validator : AbstractValidator<DecideApplicationRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Decision).Must(Decisions.Contains)
                .WithMessage(_ => Text.Pick("Decyzja: accepted (przyjęty), reserve (lista rezerwowa) albo rejected (odrzucony).",
                    "Decision: accepted, reserve or rejected."));
            RuleFor(r => r.Reason).NotEmpty().When(r => r.Decision == ApplicationStatus.Rejected)
                .WithMessage(_ => Text.Pick("Podaj uzasadnienie odrzucenia: JST je otrzyma.", "Give the reason for rejection: the JST receives it."));
            RuleFor(r => r.Reason).MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Uzasadnienie może mieć do 2000 znaków.", "The reason may have up to 2000 characters."));
        }
    }

    public static RouteHandlerBuilder MapDecideApplication(this IEndpointRouteBuilder api) => api
        .MapPost("/applications/{id:guid}/decision", HandleAsync)
        .WithName("DecideApplication")
        .WithSummary("Decyzja w sprawie wniosku / Decide on an application")
        .Validate<DecideApplicationRequest>()
        .Produces<ApplicationView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static Task<IResult> HandleAsync(Guid id, DecideApplicationRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            var session = access.Session;
            var capacity = await RoundLock.TakeAsync(session, access.Application.RoundId);
            // Read again under the lock: another operator may have decided while this one waited.
            var application = (await ApplicationStore.FindAsync(session, id))!;
            // Accepted and rejected are decided from submitted or from the reserve list; the reserve list takes submitted ones.
            string[] decidedFrom = request.Decision == ApplicationStatus.Reserve
                ? [ApplicationStatus.Submitted]
                : [ApplicationStatus.Submitted, ApplicationStatus.Reserve];
            if (!decidedFrom.Contains(application.Status))
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Nie można podjąć tej decyzji.", "This decision is not possible."),
                    detail: Text.Pick($"Wniosek ma status „{application.Status}”.", $"The application's status is '{application.Status}'."));
            }
            if (request.Decision == ApplicationStatus.Accepted && await RoundLock.AcceptedAsync(session, application.RoundId) >= capacity)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Brak wolnych miejsc.", "No places left."),
                    detail: Text.Pick($"Nabór ma {capacity} miejsc i wszystkie są zajęte. Umieść wniosek na liście rezerwowej.",
                        $"The round has {capacity} places and all are taken. Put the application on the reserve list."));
            }
            var now = time.GetUtcNow();
            await DecisionLog.RecordAsync(session, application, request.Decision, request.Reason?.Trim(), context.User.PersonId(), now);
            var coordinator = DecisionLog.Team(application).Single(m => m.IsCoordinator);
            await session.EnqueueAsync(request.Decision switch
            {
                ApplicationStatus.Accepted => DecisionLog.Accepted(application, now, promoted: false),
                ApplicationStatus.Reserve => new ApplicationPutOnReserve
                {
                    ApplicationId = id, RoundId = application.RoundId, RoundName = application.RoundName, JstTerc = application.JstTerc,
                    JstName = application.JstName, DecidedAt = now, Coordinator = coordinator,
                },
                _ => new ApplicationRejected
                {
                    ApplicationId = id, RoundId = application.RoundId, RoundName = application.RoundName, JstTerc = application.JstTerc,
                    JstName = application.JstName, Reason = request.Reason!.Trim(), DecidedAt = now, Coordinator = coordinator,
                },
            });
            var view = await access.ViewAsync();
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });
}
