using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// PUT /api/publishing/conferences/{id} — ORE changes a conference and its agenda (<see cref="Agenda"/>), draft or
/// published. The capacity cannot fall below the places held (409 naming capacity); a larger one offers the new places to
/// the waitlist at once. A change of time or place raises the calendar event's SEQUENCE, so the calendars that hold it take
/// the new one from the next mail or download. Under the conference's lock, as every change of its places.
/// </summary>
public static class UpdateConference
{
    public static IEndpointRouteBuilder MapUpdateConference(this IEndpointRouteBuilder api)
    {
        api.MapPut("/conferences/{id:guid}", HandleAsync)
            .WithName("UpdateConference").WithSummary("Zmień konferencję / Change a conference")
            .Validate<ConferenceRequest>().Produces<ConferenceView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(Guid id, ConferenceRequest request, DataSession session, ConferenceLinks links, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConferenceRow.FindAsync(session, id, drafts: true, forUpdate: true) is not { } conference)
        {
            return ConferenceRow.NotFound();
        }
        if (request.Capacity < conference.PlacesTaken)
        {
            return Problems.FieldConflict("capacity", "Za mało miejsc.", "Too few places.",
                $"Uczestnicy i rezerwacje zajmują już {conference.PlacesTaken} miejsc.", $"Participants and reservations hold {conference.PlacesTaken} places already.");
        }
        if (await Agenda.SaveAsync(session, id, request.Sessions ?? []) is { } refusal)
        {
            return refusal;
        }
        var (place, onlineUrl) = (Agenda.Blank(request.Place), Agenda.Blank(request.OnlineUrl));
        var moved = request.StartsAt != conference.StartsAt || request.EndsAt != conference.EndsAt || place != conference.Place || onlineUrl != conference.OnlineUrl;
        await session.ExecuteAsync("""
            UPDATE conferences
            SET title = @title, description = @description, starts_at = @startsAt, ends_at = @endsAt, place = @place, online_url = @onlineUrl,
                capacity = @Capacity, registration_opens_at = @opensAt, registration_closes_at = @closesAt, offer_hold = coalesce(make_interval(hours => @holdHours), offer_hold),
                certificate_min_days = coalesce(@minDays, certificate_min_days), sequence = sequence + @raise, updated_at = @now
            WHERE id = @id
            """, new
        {
            id, title = request.Title.Trim(), description = request.Description.Trim(), startsAt = request.StartsAt.ToUniversalTime(),
            endsAt = request.EndsAt.ToUniversalTime(), place, onlineUrl, request.Capacity, opensAt = request.RegistrationOpensAt.ToUniversalTime(),
            closesAt = request.RegistrationClosesAt.ToUniversalTime(), holdHours = request.OfferHoldHours,
            minDays = request.CertificateMinDays, raise = moved ? 1 : 0, now = now.ToUniversalTime(),
        });
        conference = (await ConferenceRow.FindAsync(session, id, drafts: true))!;
        await Places.FillAsync(session, conference, links, now);
        var view = await ConferenceViews.ForOperatorAsync(session, (await ConferenceRow.FindAsync(session, id, drafts: true))!, now);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
