namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// GET /api/monitoring/plans/{id}/consultation — the consultation of the plan's latest consulted version, whole, for its
/// team, advisor and ORE: its period and state, its links (never their tokens), every comment (hidden ones too, with the
/// reason) with its answer, and the counts by stakeholder type. 404 when the plan has none or is not the caller's to see.
/// </summary>
public static class GetConsultation
{
    public static RouteHandlerBuilder MapGetConsultation(this IEndpointRouteBuilder api) => api
        .MapGet("/plans/{id:guid}/consultation", async (Guid id, [RepeatableRead] DataSession session, TimeProvider time) =>
            await ConsultationRow.LatestAsync(session, id) is { } consultation
                ? Results.Ok(await ConsultationView.BuildAsync(session, consultation, time.GetUtcNow()))
                : ConsultationRow.NotFound())
        .WithName("GetPlanConsultation").WithSummary("Konsultacje planu / The plan's consultation")
        .Produces<ConsultationView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
}

/// <param name="State">scheduled (before its first day), open, closed (by the team, or past its last day).</param>
/// <param name="ClosedHow">team, or term (the end of its last day); null while not closed.</param>
[OpenApiSchemaName("PlanConsultation")]
public sealed record ConsultationView(Guid Id, Guid PlanId, int Version, DateOnly OpensOn, DateOnly ClosesOn, string State, DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt, string? ClosedHow, IReadOnlyList<ConsultationLinkView> Links, IReadOnlyList<ConsultationCommentView> Comments,
    ConsultationCounts Counts)
{
    public static async Task<ConsultationView> BuildAsync(DataSession session, ConsultationRow consultation, DateTimeOffset now)
    {
        var links = await session.QueryAsync<ConsultationLinkView>("""
            SELECT l.id, l.kind, l.email, l.issued_at, l.revoked_at, l.revoked_how, l.last_used_at,
                   (SELECT count(*)::int FROM consultation_comments c WHERE c.link_id = l.id) AS comments
            FROM consultation_links l WHERE l.consultation_id = @Id ORDER BY l.issued_at, l.id
            """, new { consultation.Id });
        var comments = await ConsultationCommentView.ListAsync(session, consultation);
        var counts = (await ConsultationCounts.OfAsync(session, [consultation.Id]))[consultation.Id];
        return new ConsultationView(consultation.Id, consultation.PlanId, consultation.Version, consultation.OpensOn, consultation.ClosesOn,
            consultation.StateAt(now), consultation.OpenedAt, consultation.ClosedAtOrTermEnd(now), consultation.ClosedHow, [.. links], comments, counts);
    }
}

/// <param name="Kind">public (the link the team shares) or personal (an invitation mailed to <paramref name="Email"/>).</param>
/// <param name="Email">The invited address; null for the public link, and once the person's data is erased.</param>
/// <param name="RevokedHow">revoked, or replaced (by a newer public link, or by inviting the address again).</param>
[OpenApiSchemaName("ConsultationLink")]
public sealed record ConsultationLinkView(Guid Id, string Kind, string? Email, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string? RevokedHow,
    DateTimeOffset? LastUsedAt, int Comments);

/// <param name="StakeholderType">Whom the participant speaks as (<see cref="ConsultationStakeholder"/>).</param>
/// <param name="PublishName">Whether they agreed to their name (and school) appearing in the public resolution log.</param>
/// <param name="TargetId">The priority or action commented on; null for the whole plan.</param>
/// <param name="TargetKind">plan, priority or action.</param>
/// <param name="TargetTitle">The priority's or action's title in the consulted version.</param>
/// <param name="Answer">accepted, partly or rejected; null while unanswered.</param>
/// <param name="HiddenReason">Why the team hid it (it is then not public); null when visible.</param>
[OpenApiSchemaName("ConsultationComment")]
public sealed record ConsultationCommentView(Guid Id, string StakeholderType, string? AuthorName, bool PublishName, Guid? SchoolId, string? SchoolName,
    Guid? TargetId, string TargetKind, string? TargetTitle, string Text, DateTimeOffset CreatedAt, string LinkKind, string? Answer, string? AnswerReason,
    DateTimeOffset? AnsweredAt, string? HiddenReason, DateTimeOffset? HiddenAt)
{
    private sealed record Row(Guid Id, string StakeholderType, string? AuthorName, bool PublishName, Guid? SchoolId, string? SchoolName, Guid? TargetId,
        string Text, DateTimeOffset CreatedAt, string LinkKind, string? Answer, string? AnswerReason, DateTimeOffset? AnsweredAt, string? HiddenReason,
        DateTimeOffset? HiddenAt);

    public const string Select = """
        SELECT c.id, c.stakeholder_type, c.author_name, c.publish_name, c.school_id, s.name AS school_name, c.target_id, c.text, c.created_at,
               l.kind AS link_kind, c.answer, c.answer_reason, c.answered_at, c.hidden_reason, c.hidden_at
        FROM consultation_comments c JOIN consultation_links l ON l.id = c.link_id LEFT JOIN schools s ON s.id = c.school_id
        """;

    /// <summary>The consultation's comments, oldest first, each with its target named as the consulted version has it.</summary>
    public static async Task<IReadOnlyList<ConsultationCommentView>> ListAsync(DataSession session, ConsultationRow consultation, Guid? commentId = null)
    {
        var rows = await session.QueryAsync<Row>(Select + " WHERE c.consultation_id = @Id AND (@commentId::uuid IS NULL OR c.id = @commentId) ORDER BY c.created_at, c.id",
            new { consultation.Id, commentId });
        var targets = ConsultationTarget.Of(consultation.Document);
        return [.. rows.Select(r =>
        {
            var (kind, title) = r.TargetId is { } target && targets.TryGetValue(target, out var found) ? found : (ConsultationTarget.Plan, null);
            return new ConsultationCommentView(r.Id, r.StakeholderType, r.AuthorName, r.PublishName, r.SchoolId, r.SchoolName, r.TargetId, kind, title,
                r.Text, r.CreatedAt, r.LinkKind, r.Answer, r.AnswerReason, r.AnsweredAt, r.HiddenReason, r.HiddenAt);
        })];
    }
}

/// <summary>What a participant may comment on: the whole plan, or one of the version's priorities or actions.</summary>
public static class ConsultationTarget
{
    public const string Plan = "plan";
    public const string Priority = "priority";
    public const string Action = "action";

    /// <summary>The version's priorities and actions by id, with their kind and title.</summary>
    public static IReadOnlyDictionary<Guid, (string Kind, string? Title)> Of(PlanContent content) =>
        (content.Priorities ?? []).Where(p => p.Id is not null).Select(p => (p.Id!.Value, (Priority, (string?)p.Title)))
            .Concat((content.Actions ?? []).Where(a => a.Id is not null).Select(a => (a.Id!.Value, (Action, (string?)a.Title))))
            .ToDictionary(x => x.Item1, x => x.Item2);
}
