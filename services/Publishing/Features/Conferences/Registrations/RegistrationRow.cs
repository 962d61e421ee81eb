namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>A registration as stored (its personal fields empty once erased).</summary>
public sealed record RegistrationRow(Guid Id, Guid ConferenceId, Guid TicketId, string Status, Guid? ReservationId, long? WaitlistNumber, string FullName,
    string? Email, string Sex, string InstitutionKind, string? JstTerc, string? JstName, string? JstKind, string? InstitutionName, string? Role,
    string[] Needs, string? Diet, string? NeedsNote, DateTimeOffset RegisteredAt, DateTimeOffset ConfirmBy, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? OfferedAt, DateTimeOffset? OfferExpiresAt, DateTimeOffset? EndedAt, DateTimeOffset? ErasedAt)
{
    // Dapper reads text[] as an Array, which no string[] constructor parameter matches: it sets the properties instead.
    [ExplicitConstructor]
    private RegistrationRow() : this(default, default, default, "", default, default, "", default, "", "", default, default, default, default, default, [],
        default, default, default, default, default, default, default, default, default)
    {
    }

    public const string Select = """
        SELECT r.id, r.conference_id, r.ticket_id, r.status, r.reservation_id, r.waitlist_number, r.full_name, r.email, r.sex, r.institution_kind,
               r.jst_terc, j.name AS jst_name, j.kind AS jst_kind, r.institution_name, r.role, r.needs, r.diet, r.needs_note, r.registered_at,
               r.confirm_by, r.confirmed_at, r.offered_at, r.offer_expires_at, r.ended_at, r.erased_at
        FROM conference_registrations r LEFT JOIN jst j ON j.terc = r.jst_terc
        """;

    /// <summary>The institution as people read it: the JST's name, or the other institution's.</summary>
    public string? Institution => InstitutionKind == "jst" ? JstName ?? JstTerc : InstitutionName;

    public static Task<RegistrationRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<RegistrationRow>(Select + " WHERE r.id = @id" + (forUpdate ? " FOR UPDATE OF r" : ""), new { id });

    /// <summary>Its place among those waiting: how many wait ahead of it, plus one; null when it is not waiting.</summary>
    public async Task<int?> WaitlistPositionAsync(DataSession session) => Status != RegistrationStatus.Waitlisted
        ? null
        : await session.ExecuteScalarAsync<int>("""
            SELECT count(*)::int + 1 FROM conference_registrations
            WHERE conference_id = @ConferenceId AND status = 'waitlisted' AND waitlist_number < @WaitlistNumber
            """, new { ConferenceId, WaitlistNumber });
}
