using System.Globalization;

namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// GET /api/publishing/conferences/{id}/registrations?status=&amp;cursor=&amp;limit= — a conference's registrations for ORE,
/// in the order they came (keyset pages), optionally of one status; the waitlist is status=waitlisted, in its order.
/// </summary>
public static class ListRegistrations
{
    public const int MaxLimit = 500;

    /// <param name="WaitlistPosition">While waiting: how many wait ahead, plus one.</param>
    /// <param name="ReservationJst">The JST whose reservation's place it holds.</param>
    [OpenApiSchemaName("ConferenceRegistrationListItem")]
    public sealed record RegistrationItem(Guid Id, string Status, bool AddressConfirmed, int? WaitlistPosition, string FullName, string? Email, string Sex,
        string InstitutionKind, string? JstTerc, string? JstName, string? InstitutionName, string? Role, IReadOnlyList<string> Needs, string? Diet,
        string? NeedsNote, string? ReservationJst, DateTimeOffset RegisteredAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? OfferExpiresAt, int DaysAttended);

    /// <param name="NextCursor">Pass it back as cursor for the next page; null on the last.</param>
    [OpenApiSchemaName("ConferenceRegistrationPage")]
    public sealed record RegistrationPage(IReadOnlyList<RegistrationItem> Items, string? NextCursor);

    private sealed record Row(Guid Id, string Status, DateTimeOffset? ConfirmedAt, long? WaitlistNumber, int? WaitlistPosition, string FullName,
        string? Email, string Sex, string InstitutionKind, string? JstTerc, string? JstName, string? InstitutionName, string? Role, string[] Needs,
        string? Diet, string? NeedsNote, string? ReservationJst, DateTimeOffset RegisteredAt, DateTimeOffset? OfferExpiresAt, int DaysAttended)
    {
        // Dapper reads text[] as an Array, which no string[] constructor parameter matches: it sets the properties instead.
        [ExplicitConstructor]
        private Row() : this(default, "", default, default, default, "", default, "", "", default, default, default, default, [], default, default, default,
            default, default, default)
        {
        }
    }

    public static IEndpointRouteBuilder MapListRegistrations(this IEndpointRouteBuilder api)
    {
        api.MapGet("/conferences/{id:guid}/registrations", HandleAsync)
            .WithName("ListConferenceRegistrations").WithSummary("Zgłoszenia na konferencję / A conference's registrations")
            .Produces<RegistrationPage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(Guid id, [RepeatableRead] DataSession session, string? status = null, string? cursor = null,
        int limit = 100)
    {
        if (status is not null && !RegistrationStatus.All.Contains(status))
        {
            return Problems.Field("status", $"Stan: {string.Join(", ", RegistrationStatus.All)}.", $"Status: {string.Join(", ", RegistrationStatus.All)}.");
        }
        if (limit is < 1 or > MaxLimit)
        {
            return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [KeysetCursor.LimitMessage(MaxLimit)] });
        }
        var after = (At: DateTimeOffset.MinValue, Id: Guid.Empty);
        if (cursor is not null)
        {
            if (!KeysetCursor.TryDecode(cursor, 2, out var key) || !long.TryParse(key[0], CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(key[1], out var last))
            {
                return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = [KeysetCursor.InvalidMessage] });
            }
            after = (new DateTimeOffset(ticks, TimeSpan.Zero), last);
        }
        if (await ConferenceRow.FindAsync(session, id, drafts: true) is null)
        {
            return ConferenceRow.NotFound();
        }
        var rows = (await session.QueryAsync<Row>("""
            SELECT r.id, r.status, r.confirmed_at, r.waitlist_number,
                   CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int + 1 FROM conference_registrations w
                        WHERE w.conference_id = r.conference_id AND w.status = 'waitlisted' AND w.waitlist_number < r.waitlist_number) END AS waitlist_position,
                   r.full_name, r.email, r.sex, r.institution_kind, r.jst_terc, j.name AS jst_name, r.institution_name, r.role, r.needs, r.diet, r.needs_note,
                   v.jst_terc AS reservation_jst, r.registered_at, r.offer_expires_at,
                   (SELECT count(*)::int FROM conference_attendance a WHERE a.registration_id = r.id) AS days_attended
            FROM conference_registrations r LEFT JOIN jst j ON j.terc = r.jst_terc LEFT JOIN conference_reservations v ON v.id = r.reservation_id
            WHERE r.conference_id = @id AND (@status::text IS NULL OR r.status = @status) AND (r.registered_at, r.id) > (@at, @last)
            ORDER BY r.registered_at, r.id
            LIMIT @take
            """, new { id, status, at = after.At.ToUniversalTime(), last = after.Id, take = limit + 1 })).ToList();
        var page = rows.Take(limit).Select(r => new RegistrationItem(r.Id, r.Status, r.ConfirmedAt is not null, r.WaitlistPosition, r.FullName, r.Email, r.Sex,
            r.InstitutionKind, r.JstTerc, r.JstName, r.InstitutionName, r.Role, r.Needs, r.Diet, r.NeedsNote, r.ReservationJst,
            WarsawTime.InWarsaw(r.RegisteredAt), r.ConfirmedAt is { } c ? WarsawTime.InWarsaw(c) : null,
            r.OfferExpiresAt is { } o ? WarsawTime.InWarsaw(o) : null, r.DaysAttended)).ToList();
        var next = rows.Count > limit ? KeysetCursor.Encode(rows[limit - 1].RegisteredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id.ToString()) : null;
        return TypedResults.Ok(new RegistrationPage(page, next));
    }
}
