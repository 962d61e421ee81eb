using Cro.Publishing.Features.Conferences.Registrations;

namespace Cro.Publishing.Features.Conferences.Reservations;

/// <summary>
/// Places ORE holds at a conference for the people of one JST (a participating JST sending its team), until a given
/// moment. POST /api/publishing/conferences/{id}/reservations — reserves: the places must be free (409 naming places
/// otherwise; a full conference has none to hold), and a JST has one reservation at a time (409 naming jstTerc); a JST not
/// in the registry is 400, one not taking part in the programme (no accepted task team) 409 naming jstTerc: the conferences
/// are open to every JST, but places are held only for the programme's. A person of that JST registering takes one of its places first. GET …/reservations — every
/// reservation with its places used. POST …/reservations/{reservationId}/cancel — ends it: the places its people hold stay
/// theirs, the rest go to the waitlist at once (<see cref="ReservationEnd"/>); a reservation past its end is released by
/// the deadline job the same way.
/// </summary>
public static class JstReservations
{
    /// <param name="ExpiresAt">When the places not taken by then are released to everyone.</param>
    [OpenApiSchemaName("ConferenceReservationRequest")]
    public sealed record ReservationRequest(
        string JstTerc,
        [property: FieldLabel("Liczba zarezerwowanych miejsc", "Places reserved")] int Places,
        [property: FieldLabel("Rezerwacja do", "Reserved until")] DateTimeOffset ExpiresAt);

    /// <param name="Used">Its places held by people of the JST (registered, or offered from the waitlist).</param>
    /// <param name="Status">active, cancelled or expired.</param>
    [OpenApiSchemaName("ConferenceReservation")]
    public sealed record ReservationView(Guid Id, Guid ConferenceId, string JstTerc, string? JstName, int Places, int Used, DateTimeOffset ExpiresAt,
        string Status, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt);

    public sealed class Validator : AbstractValidator<ReservationRequest>
    {
        public Validator()
        {
            RuleFor(r => r.JstTerc).Matches("^[0-9]{2}([0-9]{2}([0-9]{3})?)?$")
                .WithMessage(_ => Text.Pick("Wybierz JST z rejestru (kod TERC: 2, 4 lub 7 cyfr).", "Choose a JST from the registry (TERC code: 2, 4 or 7 digits)."));
            RuleFor(r => r.Places).InclusiveBetween(1, 1000)
                .WithMessage(_ => Text.Pick("Zarezerwuj od 1 do 1000 miejsc.", "Reserve 1 to 1000 places."));
        }
    }

    private sealed record Row(Guid Id, Guid ConferenceId, string JstTerc, string? JstName, int Places, int Used, DateTimeOffset ExpiresAt,
        string? EndedHow, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt)
    {
        public const string Select = """
            SELECT v.id, v.conference_id, v.jst_terc, j.name AS jst_name, v.places, v.used, v.expires_at, v.ended_how, v.created_at, v.ended_at
            FROM conference_reservations v LEFT JOIN jst j ON j.terc = v.jst_terc
            """;

        public ReservationView View() => new(Id, ConferenceId, JstTerc, JstName, Places, Used, WarsawTime.InWarsaw(ExpiresAt), EndedHow ?? "active",
            WarsawTime.InWarsaw(CreatedAt), EndedAt is { } at ? WarsawTime.InWarsaw(at) : null);
    }

    public static IEndpointRouteBuilder MapJstReservations(this IEndpointRouteBuilder api)
    {
        api.MapPost("/conferences/{id:guid}/reservations", ReserveAsync)
            .WithName("ReserveConferencePlaces").WithSummary("Zarezerwuj miejsca dla JST / Reserve places for a JST")
            .Validate<ReservationRequest>().Produces<ReservationView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/conferences/{id:guid}/reservations", ListAsync)
            .WithName("ListConferenceReservations").WithSummary("Rezerwacje miejsc dla JST / Places reserved for JST")
            .Produces<IReadOnlyList<ReservationView>>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/conferences/{id:guid}/reservations/{reservationId:guid}/cancel", CancelAsync)
            .WithName("CancelConferenceReservation").WithSummary("Anuluj rezerwację miejsc JST / Cancel a JST's reservation")
            .Produces<ReservationView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ReserveAsync(Guid id, ReservationRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConferenceRow.FindAsync(session, id, drafts: true, forUpdate: true) is not { } conference)
        {
            return ConferenceRow.NotFound();
        }
        if (request.ExpiresAt <= now || request.ExpiresAt > conference.StartsAt)
        {
            return Problems.Field("expiresAt", "Rezerwacja kończy się w przyszłości, najpóźniej z początkiem konferencji.",
                "A reservation ends in the future, by the conference's start at the latest.");
        }
        if (!await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM jst WHERE terc = @JstTerc)", new { request.JstTerc }))
        {
            return Problems.Field("jstTerc", "Nie ma takiej JST w rejestrze.", "There is no such JST in the registry.");
        }
        if (!await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM team_members WHERE jst_terc = @JstTerc AND left_at IS NULL)",
                new { request.JstTerc }))
        {
            return Problems.FieldConflict("jstTerc", "Ta JST nie uczestniczy w programie.", "This JST does not take part in the programme.",
                "Miejsca rezerwuje się dla JST uczestniczących w programie (z przyjętym zespołem zadaniowym); osoby z innych JST zapisują się same.",
                "Places are reserved for JST taking part in the programme (with an accepted task team); people of other JST register themselves.");
        }
        if (await session.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM conference_reservations WHERE conference_id = @id AND jst_terc = @JstTerc AND ended_at IS NULL)",
                new { id, request.JstTerc }))
        {
            return Problems.FieldConflict("jstTerc", "Ta JST ma już rezerwację.", "This JST has a reservation already.",
                "JST ma już rezerwację miejsc na tę konferencję: anuluj ją albo zarezerwuj po jej końcu.",
                "The JST already has places reserved at this conference: cancel the reservation, or reserve after it ends.");
        }
        if (request.Places > conference.PlacesLeft)
        {
            return Problems.FieldConflict("places", "Za mało wolnych miejsc.", "Not enough free places.",
                $"Wolnych miejsc jest {conference.PlacesLeft}.", $"{conference.PlacesLeft} places are free.");
        }
        var reservationId = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO conference_reservations (id, conference_id, jst_terc, places, expires_at, created_by, created_at)
            VALUES (@reservationId, @id, @JstTerc, @Places, @expiresAt, @by, @now)
            """, new { reservationId, id, request.JstTerc, request.Places, expiresAt = request.ExpiresAt.ToUniversalTime(), by = context.User.PersonId(),
            now = now.ToUniversalTime() });
        var view = (await session.QuerySingleAsync<Row>(Row.Select + " WHERE v.id = @reservationId", new { reservationId })).View();
        await session.CommitAsync();
        return TypedResults.Created($"/api/publishing/conferences/{id}/reservations", view);
    }

    private static async Task<IResult> ListAsync(Guid id, DataSession session) =>
        await ConferenceRow.FindAsync(session, id, drafts: true) is null
            ? ConferenceRow.NotFound()
            : TypedResults.Ok((await session.QueryAsync<Row>(Row.Select + " WHERE v.conference_id = @id ORDER BY v.created_at", new { id }))
                .Select(r => r.View()).ToList());

    private static async Task<IResult> CancelAsync(Guid id, Guid reservationId, HttpContext context, DataSession session, ConferenceLinks links, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConferenceRow.FindAsync(session, id, drafts: true, forUpdate: true) is not { } conference
            || !await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM conference_reservations WHERE id = @reservationId AND conference_id = @id)",
                new { reservationId, id }))
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiej rezerwacji.", "There is no such reservation.");
        }
        // Cancelling a reservation that has ended changes nothing.
        if (await ReservationEnd.EndAsync(session, reservationId, ReservationEnd.Cancelled, context.User.PersonId(), now))
        {
            await Places.FillAsync(session, conference, links, now);
        }
        var view = (await session.QuerySingleAsync<Row>(Row.Select + " WHERE v.id = @reservationId", new { reservationId })).View();
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
