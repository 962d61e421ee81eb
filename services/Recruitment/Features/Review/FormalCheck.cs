using System.Text.Json;
using Cro.Recruitment.Features.Applications;
using FluentValidation;

namespace Cro.Recruitment.Features.Review;

/// <summary>
/// PUT /api/recruitment/applications/{id}/formal-check — an operator records the formal check of a
/// submitted application: each item of the checklist met or not, and a comment (required when an item
/// is not met). The application passes when every item is met; each check is kept.
/// </summary>
public static class FormalCheck
{
    /// <summary>The checklist, from the round's rules: every item must be met for the application to pass.</summary>
    public static IReadOnlyDictionary<string, (string Pl, string En)> Items { get; } = new Dictionary<string, (string, string)>
    {
        ["jst-eligible"] = ("JST kwalifikuje się do naboru", "The JST is eligible for the round"),
        ["team-composition"] = ("Skład zespołu zgodny z regulaminem", "The team is composed as the rules require"),
        ["authorised-signatory"] = ("Wniosek potwierdzony przez osobę upoważnioną do reprezentowania JST", "Confirmed by a person authorised to represent the JST"),
        ["declarations"] = ("Oświadczenia kompletne", "The declarations are complete"),
    };

    public sealed record FormalCheckRequest(IReadOnlyDictionary<string, bool> Checklist, string? Comment);

    [OpenApiSchemaName("FormalCheckResult")]
    public sealed record Result(bool Passed, IReadOnlyDictionary<string, bool> Checklist, string? Comment, DateTimeOffset CheckedAt);

    public sealed class Validator : AbstractValidator<FormalCheckRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Checklist).Must(c => c is not null && Items.Keys.All(c.ContainsKey) && c.Keys.All(Items.ContainsKey))
                .WithMessage(_ => Text.Pick($"Lista kontrolna zawiera dokładnie pozycje: {string.Join(", ", Items.Keys)}.",
                    $"The checklist has exactly the items: {string.Join(", ", Items.Keys)}."));
            RuleFor(r => r.Comment).NotEmpty().When(r => r.Checklist is not null && r.Checklist.Values.Any(met => !met))
                .WithMessage(_ => Text.Pick("Opisz, czego brakuje: komentarz trafi do oceny wniosku.", "Say what is missing: the comment is part of the review."));
            RuleFor(r => r.Comment).MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Komentarz może mieć do 2000 znaków.", "The comment may have up to 2000 characters."));
        }
    }

    public static RouteHandlerBuilder MapFormalCheck(this IEndpointRouteBuilder api) => api
        .MapPut("/applications/{id:guid}/formal-check", HandleAsync)
        .WithName("FormalCheck")
        .WithSummary("Ocena formalna wniosku / Formal check of an application")
        .Validate<FormalCheckRequest>()
        .Produces<Result>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static Task<IResult> HandleAsync(Guid id, FormalCheckRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            if (access.Application.Status == ApplicationStatus.Draft)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Wniosek nie został złożony.", "Not submitted."),
                    detail: Text.Pick("Ocenia się wnioski złożone.", "Submitted applications are checked."));
            }
            var now = time.GetUtcNow();
            var passed = request.Checklist.Values.All(met => met);
            await access.Session.ExecuteAsync("""
                INSERT INTO formal_checks (id, application_id, jst_terc, checklist, passed, comment, checked_by, checked_at)
                VALUES (@checkId, @id, @JstTerc, @checklist::jsonb, @passed, @comment, @by, @now);
                UPDATE applications SET formal_check = @passed, updated_at = @now WHERE id = @id;
                """, new
            {
                checkId = Guid.CreateVersion7(), id, access.Application.JstTerc, checklist = JsonSerializer.Serialize(request.Checklist),
                passed, comment = request.Comment?.Trim(), by = context.User.PersonId(), now,
            });
            await access.Session.CommitAsync();
            return TypedResults.Ok(new Result(passed, request.Checklist, request.Comment?.Trim(), now));
        });
}
