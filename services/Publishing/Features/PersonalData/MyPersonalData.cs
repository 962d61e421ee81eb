namespace Cro.Publishing.Features.PersonalData;

/// <summary>
/// GET /api/publishing/me/personal-data — what publishing holds about the signed-in person (RODO art. 15 and 20): the good
/// practices naming them as an author or a contact (by their account's address, or their account as the lead author), with
/// what each says of them and whether their name is published, and the proposals and reviews they made.
/// </summary>
public static class MyPersonalData
{
    /// <param name="Role">author or contact.</param>
    /// <param name="NamePublished">Their name is in the catalogue: the practice is published and, for an author, the authors consented to it.</param>
    [OpenApiSchemaName("NamedOnPractice")]
    public sealed record NamedOn(Guid PracticeId, string JstTerc, string? JstName, string Title, string Status, string Role, string FullName, string? Email,
        string? Position, string? Phone, bool NamePublished);

    [OpenApiSchemaName("PracticeProposalMade")]
    public sealed record ProposalMade(Guid ProposalId, string JstTerc, string Title, string ProposedByName, DateTimeOffset ProposedAt);

    [OpenApiSchemaName("PracticeReviewMade")]
    public sealed record ReviewMade(Guid PracticeId, int Version, string Stage, string Decision, string ReviewerName, DateTimeOffset At);

    [OpenApiSchemaName("PublishingPersonalData")]
    public sealed record HeldData(Guid PersonId, IReadOnlyList<NamedOn> Practices, IReadOnlyList<ProposalMade> Proposals, IReadOnlyList<ReviewMade> Reviews);

    public static RouteHandlerBuilder MapMyPersonalData(this IEndpointRouteBuilder api) => api
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyPublishingPersonalData").WithTags("RODO")
        .WithSummary("Moje dane osobowe: dobre praktyki / My personal data: good practices")
        .Produces<HeldData>().RequireAuthorization(Policies.Person);

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
        var practices = await session.QueryAsync<NamedOn>("""
            SELECT p.id AS practice_id, p.jst_terc, j.name AS jst_name, p.template ->> 'title' AS title, p.status, 'author' AS role,
                   a ->> 'fullName' AS full_name, a ->> 'email' AS email, NULL AS position, NULL AS phone,
                   (p.status = 'published' AND coalesce((p.template ->> 'publishAuthorNames')::boolean, false)) AS name_published
            FROM practices p LEFT JOIN jst j ON j.terc = p.jst_terc, jsonb_array_elements(p.authors) a
            WHERE (@email <> '' AND lower(a ->> 'email') = lower(@email)) OR a ->> 'userId' = @personId::text
            UNION ALL
            SELECT p.id, p.jst_terc, j.name, p.template ->> 'title', p.status, 'contact', c ->> 'fullName', c ->> 'email', c ->> 'position', c ->> 'phone',
                   p.status = 'published'
            FROM practices p LEFT JOIN jst j ON j.terc = p.jst_terc, jsonb_array_elements(coalesce(p.template -> 'contacts', '[]')) c
            WHERE @email <> '' AND lower(c ->> 'email') = lower(@email)
            ORDER BY 4, 6
            """, parameters);
        var proposals = await session.QueryAsync<ProposalMade>("""
            SELECT id AS proposal_id, jst_terc, title, proposed_by_name, proposed_at FROM practice_proposals WHERE proposed_by = @personId ORDER BY proposed_at
            """, parameters);
        var reviews = await session.QueryAsync<ReviewMade>("""
            SELECT practice_id, version, stage, decision, reviewer_name, at FROM practice_reviews WHERE reviewer = @personId ORDER BY at
            """, parameters);
        return TypedResults.Ok(new HeldData(personId, [.. practices], [.. proposals], [.. reviews]));
    }
}
