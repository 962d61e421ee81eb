namespace Cro.Advisory.Features.PersonalData;

/// <summary>
/// GET /api/advisory/me/personal-data — what advisory holds about the signed-in person (RODO art. 15 and 20), by their
/// account (id and address), in every JST: their places in task teams, the meetings they booked and those they are recorded
/// at, their registrations for dialogue meetings and debates, their advisor record, and their calendar feeds.
/// </summary>
public static class MyPersonalData
{
    [OpenApiSchemaName("AdvisoryTeamMembershipHeld")]
    public sealed record TeamMembership(Guid MemberId, string JstTerc, string JstName, string RoundName, string FullName, string Email,
        bool IsCoordinator, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

    /// <param name="Booked">They booked the meeting (under <paramref name="NameRecorded"/>); otherwise they are recorded as present at it.</param>
    [OpenApiSchemaName("AdvisoryMeetingHeld")]
    public sealed record Meeting(Guid MeetingId, string JstTerc, string Topic, DateTimeOffset StartsAt, string Status, bool Booked, string NameRecorded,
        string? Role);

    [OpenApiSchemaName("AdvisoryDialogueRegistrationHeld")]
    public sealed record DialogueRegistration(Guid RegistrationId, string JstTerc, string Topic, DateTimeOffset StartsAt, string FullName, string Email,
        string StakeholderType, DateTimeOffset ConsentedAt, DateTimeOffset RegisteredAt);

    [OpenApiSchemaName("AdvisoryAdvisorHeld")]
    public sealed record Advisor(Guid AdvisorId, string FullName, string Email, IReadOnlyList<string> Voivodeships, bool Active, string? OnlineLink,
        string? Address, DateTimeOffset CreatedAt);

    /// <param name="Kind">advisor or team.</param>
    [OpenApiSchemaName("AdvisoryCalendarFeedHeld")]
    public sealed record CalendarFeed(string Kind, string HolderEmail, DateTimeOffset CreatedAt);

    [OpenApiSchemaName("AdvisoryPersonalData")]
    public sealed record HeldData(Guid PersonId, IReadOnlyList<TeamMembership> Teams, IReadOnlyList<Meeting> Meetings,
        IReadOnlyList<DialogueRegistration> DialogueRegistrations, Advisor? Advisor, IReadOnlyList<CalendarFeed> CalendarFeeds);

    public static RouteHandlerBuilder MapMyPersonalData(this IEndpointRouteBuilder app) => app.MapGroup("/api/advisory")
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyAdvisoryPersonalData").WithTags("RODO")
        .WithSummary("Moje dane osobowe: doradztwo / My personal data: advisory")
        .Produces<HeldData>().ProducesProblem(StatusCodes.Status403Forbidden).RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, [RepeatableRead] DataSession session)
    {
        if (context.User.PersonId() is not { } personId)
        {
            return Problems.Forbidden("Token nie wskazuje osoby.", "The token names no person.");
        }
        var email = context.User.FindFirst(CroClaims.Email)?.Value?.Trim() ?? "";
        // The rows are the caller's own, whichever JST they were named for.
        await session.ChangeScopeAsync(JstScope.All);
        var parameters = new { personId, email };
        var teams = await session.QueryAsync<TeamMembership>("""
            SELECT m.id AS member_id, m.jst_terc, t.jst_name, t.round_name, m.full_name, m.email, m.is_coordinator, m.joined_at, m.left_at
            FROM team_members m JOIN teams t ON t.application_id = m.application_id
            WHERE @email <> '' AND lower(m.email) = lower(@email)
            ORDER BY m.joined_at, m.id
            """, parameters);
        var meetings = await session.QueryAsync<Meeting>("""
            SELECT id AS meeting_id, jst_terc, topic, starts_at, status, true AS booked, booked_by_name AS name_recorded, NULL AS role
            FROM meetings WHERE booked_by = @personId
            UNION ALL
            SELECT mt.id, mt.jst_terc, mt.topic, mt.starts_at, mt.status, false, p.full_name, p.role
            FROM meeting_participants p JOIN meetings mt ON mt.id = p.meeting_id
            WHERE p.member_id IN (SELECT id FROM team_members WHERE @email <> '' AND lower(email) = lower(@email))
            ORDER BY 4, 1
            """, parameters);
        var registrations = await session.QueryAsync<DialogueRegistration>("""
            SELECT r.id AS registration_id, r.jst_terc, d.topic, d.starts_at, r.full_name, r.email, r.stakeholder_type, r.consented_at, r.registered_at
            FROM dialogue_registrations r JOIN dialogue_meetings d ON d.id = r.dialogue_meeting_id
            WHERE @email <> '' AND lower(r.email) = lower(@email)
            ORDER BY r.registered_at, r.id
            """, parameters);
        var advisor = await session.QuerySingleOrDefaultAsync<(Guid Id, string FullName, string Email, string[] Voivodeships, bool Active,
            string? OnlineLink, string? Address, DateTimeOffset CreatedAt)?>("""
            SELECT id, full_name, email, voivodeships, active, online_link, address, created_at
            FROM advisors WHERE user_id = @personId OR (@email <> '' AND lower(email) = lower(@email))
            ORDER BY (user_id = @personId) DESC NULLS LAST LIMIT 1
            """, parameters);
        var feeds = await session.QueryAsync<CalendarFeed>("""
            SELECT kind, holder_email, created_at FROM calendar_feeds
            WHERE holder_user_id = @personId OR (@email <> '' AND holder_email = lower(@email))
            ORDER BY kind
            """, parameters);
        return TypedResults.Ok(new HeldData(personId, [.. teams], [.. meetings], [.. registrations],
            advisor is { } a ? new Advisor(a.Id, a.FullName, a.Email, a.Voivodeships, a.Active, a.OnlineLink, a.Address, a.CreatedAt) : null,
            [.. feeds]));
    }
}
