using Cro.Recruitment.Features.Applications;
using FluentValidation;

namespace Cro.Recruitment.Features.Review;

/// <summary>
/// POST /api/recruitment/applications/{id}/score-adjustments — an operator corrects the automatic score
/// by some points, with the reason. The adjustment is recorded with who made it and when (never changed
/// afterwards), and the application's score becomes the computed score plus all adjustments.
/// </summary>
public static class AdjustScore
{
    public sealed record AdjustScoreRequest(int Points, string Reason);

    public sealed class Validator : AbstractValidator<AdjustScoreRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Points).InclusiveBetween(-100, 100).NotEqual(0)
                .WithMessage(_ => Text.Pick("Korekta to od -100 do 100 punktów, różna od zera.", "An adjustment is from -100 to 100 points, not zero."));
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Podaj uzasadnienie korekty (do 2000 znaków).", "Give the reason for the adjustment (up to 2000 characters)."));
        }
    }

    public static RouteHandlerBuilder MapAdjustScore(this IEndpointRouteBuilder api) => api
        .MapPost("/applications/{id:guid}/score-adjustments", HandleAsync)
        .WithName("AdjustScore")
        .WithSummary("Korekta punktacji / Score adjustment")
        .Validate<AdjustScoreRequest>()
        .Produces<ApplicationView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static Task<IResult> HandleAsync(Guid id, AdjustScoreRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            if (access.Application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Reserve))
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Nie można skorygować punktacji.", "Cannot adjust."),
                    detail: Text.Pick("Punktację koryguje się przed decyzją: dla wniosków złożonych i z listy rezerwowej.",
                        "Scores are adjusted before the decision: for submitted and reserve applications."));
            }
            var now = time.GetUtcNow();
            await access.Session.ExecuteAsync("""
                INSERT INTO score_adjustments (id, application_id, jst_terc, points, reason, adjusted_by, adjusted_at)
                VALUES (@adjustmentId, @id, @JstTerc, @Points, @reason, @by, @now);
                UPDATE applications SET score = (score_breakdown->>'total')::int
                    + (SELECT coalesce(sum(points), 0) FROM score_adjustments WHERE application_id = @id), updated_at = @now
                WHERE id = @id;
                """, new
            {
                adjustmentId = Guid.CreateVersion7(), id, access.Application.JstTerc, request.Points, reason = request.Reason.Trim(),
                by = context.User.PersonId(), now,
            });
            var view = await access.ViewAsync();
            await access.Session.CommitAsync();
            return TypedResults.Ok(view);
        });
}
