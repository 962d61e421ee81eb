using Microsoft.Extensions.Options;

namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// POST /api/publishing/conferences — ORE adds a conference (any number of them), as a draft no one else sees until it
/// is published (<see cref="PublishConference"/>), with its agenda.
/// </summary>
public static class CreateConference
{
    public static IEndpointRouteBuilder MapCreateConference(this IEndpointRouteBuilder api)
    {
        api.MapPost("/conferences", HandleAsync)
            .WithName("CreateConference").WithSummary("Dodaj konferencję (szkic) / Add a conference (a draft)")
            .Validate<ConferenceRequest>().Produces<ConferenceView>(StatusCodes.Status201Created)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(ConferenceRequest request, HttpContext context, DataSession session, IOptions<ConferenceOptions> options,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO conferences (id, title, description, starts_at, ends_at, place, online_url, capacity, registration_opens_at, registration_closes_at,
                                     offer_hold, certificate_min_days, status, created_by, created_at, updated_at)
            VALUES (@id, @title, @description, @startsAt, @endsAt, @place, @onlineUrl, @Capacity, @opensAt, @closesAt, make_interval(hours => @holdHours), @minDays, 'draft', @by, @now, @now)
            """, new
        {
            id, title = request.Title.Trim(), description = request.Description.Trim(), startsAt = request.StartsAt.ToUniversalTime(),
            endsAt = request.EndsAt.ToUniversalTime(), place = Agenda.Blank(request.Place), onlineUrl = Agenda.Blank(request.OnlineUrl), request.Capacity,
            opensAt = request.RegistrationOpensAt.ToUniversalTime(), closesAt = request.RegistrationClosesAt.ToUniversalTime(),
            holdHours = request.OfferHoldHours ?? (int)Math.Ceiling(options.Value.DefaultOfferHold.TotalHours), minDays = request.CertificateMinDays ?? 1,
            by = context.User.PersonId(), now = now.ToUniversalTime(),
        });
        if (await Agenda.SaveAsync(session, id, request.Sessions ?? []) is { } refusal)
        {
            return refusal;
        }
        var view = await ConferenceViews.ForOperatorAsync(session, (await ConferenceRow.FindAsync(session, id, drafts: true))!, now);
        await session.CommitAsync();
        return TypedResults.Created($"/api/publishing/conferences/{id}", view);
    }
}
