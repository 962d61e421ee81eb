using Cro.Advisory.Features.Access;
using Cro.Advisory.Features.Advisors;

namespace Cro.Advisory.Features.Availability;

/// <summary>
/// POST /api/advisory/advisors/me/exceptions — an advisor marks time away (leave, a holiday; from and to as instants,
/// which the web enters in Warsaw time); DELETE …/exceptions/{id} takes it back. Meetings already booked in it stay
/// (the advisor moves or cancels them); nothing new is offered in it.
/// </summary>
public static class AvailabilityExceptions
{
    public sealed record AvailabilityExceptionRequest(DateTimeOffset From, DateTimeOffset To, string Reason);

    public sealed class Validator : AbstractValidator<AvailabilityExceptionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.To).Must((r, to) => to > r.From && to - r.From <= TimeSpan.FromDays(366))
                .WithMessage(_ => Text.Pick("Koniec nieobecności musi być po jej początku (najwyżej rok).", "The end must come after the start (a year at most)."));
            RuleFor(r => r.Reason).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj powód (do 200 znaków), np. urlop.", "Give a reason (up to 200 characters), e.g. leave."));
        }
    }

    public static IEndpointRouteBuilder MapAvailabilityExceptions(this IEndpointRouteBuilder api)
    {
        api.MapPost("/advisors/me/exceptions", AddAsync)
            .WithName("AddAvailabilityException").WithSummary("Dodaj nieobecność / Add time away")
            .Validate<AvailabilityExceptionRequest>().Produces<AvailabilityException>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapDelete("/advisors/me/exceptions/{id:guid}", RemoveAsync)
            .WithName("RemoveAvailabilityException").WithSummary("Usuń nieobecność / Remove time away")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        return api;
    }

    private static async Task<IResult> AddAsync(AvailabilityExceptionRequest request, HttpContext context, DataSession session)
    {
        var (advisor, refusal) = await AdvisorLookup.ResolveAsync(session, Caller.From(context.User), null);
        if (advisor is null)
        {
            return refusal!;
        }
        var added = new AvailabilityException(Guid.CreateVersion7(), request.From.ToUniversalTime(), request.To.ToUniversalTime(), request.Reason.Trim());
        await session.ExecuteAsync("""
            INSERT INTO availability_exceptions (id, advisor_id, period, reason) VALUES (@Id, @advisor, tstzrange(@From, @To), @Reason)
            """, new { added.Id, advisor, added.From, added.To, added.Reason });
        await session.CommitAsync();
        return TypedResults.Created($"/api/advisory/advisors/me/exceptions/{added.Id}", added);
    }

    private static async Task<IResult> RemoveAsync(Guid id, HttpContext context, DataSession session)
    {
        var (advisor, refusal) = await AdvisorLookup.ResolveAsync(session, Caller.From(context.User), null);
        if (advisor is null)
        {
            return refusal!;
        }
        if (await session.ExecuteAsync("DELETE FROM availability_exceptions WHERE id = @id AND advisor_id = @advisor", new { id, advisor }) == 0)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiej nieobecności.", "There is no such time away.");
        }
        await session.CommitAsync();
        return TypedResults.NoContent();
    }
}
