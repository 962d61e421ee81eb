using Microsoft.AspNetCore.Mvc;

namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// GET /api/monitoring/jst/{terc}/schools — a JST's schools register for its team, its advisor and ORE: every school
/// (optionally only active or closed ones; the whole list, as the team reviews and confirms it as one: the largest JST,
/// Warsaw, has about 1,050), with the team's latest confirmation of the list and whether a school changed since.
/// GET /api/monitoring/schools/{id} — one school. Another JST's register, or a JST that does not exist, is a 404.
/// </summary>
public static class ListSchools
{
    public sealed record Query([FromQuery(Name = "status")][property: FieldLabel("Stan szkoły", "School status")] string? Status);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Status).Must(s => s is null || SchoolStatus.All.Contains(s))
                .WithMessage(_ => Text.Pick("Stan szkoły to active (działa) albo closed (zamknięta).", "The school status is active or closed."));
    }

    /// <param name="ChangedSinceConfirmation">A school was added, corrected, closed or reopened after the latest confirmation.</param>
    [OpenApiSchemaName("SchoolList")]
    public sealed record SchoolList(string JstTerc, string? JstName, int Active, int Closed, ConfirmSchoolList.Confirmation? Confirmation,
        bool ChangedSinceConfirmation, IReadOnlyList<SchoolView> Schools);

    public static IEndpointRouteBuilder MapListSchools(this IEndpointRouteBuilder api)
    {
        api.MapGet("/jst/{terc}/schools", ListAsync)
            .WithName("ListSchools").WithSummary("Szkoły JST / The JST's schools")
            .Validate<Query>().Produces<SchoolList>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapGet("/schools/{id:guid}", GetAsync)
            .WithName("GetSchool").WithSummary("Szkoła z rejestru / A school of the register")
            .Produces<SchoolView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private sealed record Summary(string? JstName, int Active, int Closed, bool ChangedSinceConfirmation);

    private static async Task<IResult> ListAsync(string terc, [AsParameters] Query query, [RepeatableRead] DataSession session)
    {
        if (!SchoolStore.Sees(session, terc))
        {
            return SchoolStore.JstNotFound();
        }
        var confirmation = await ConfirmSchoolList.LatestAsync(session, terc);
        var summary = await session.QuerySingleAsync<Summary>("""
            SELECT (SELECT name FROM jst WHERE terc = @terc) AS jst_name,
                   count(*) FILTER (WHERE status = 'active')::int AS active, count(*) FILTER (WHERE status = 'closed')::int AS closed,
                   EXISTS (SELECT 1 FROM school_changes c
                           WHERE c.jst_terc = @terc AND c.changed_at > coalesce(@confirmedAt::timestamptz, '-infinity')) AS changed_since_confirmation
            FROM schools WHERE jst_terc = @terc
            """, new { terc, confirmedAt = confirmation?.ConfirmedAt });
        var schools = await session.QueryAsync<SchoolView>(SchoolView.Select + """
             WHERE s.jst_terc = @terc AND (@status::text IS NULL OR s.status = @status)
            """ + SchoolView.Order, new { terc, status = query.Status });
        return TypedResults.Ok(new SchoolList(terc, summary.JstName, summary.Active, summary.Closed, confirmation,
            confirmation is not null && summary.ChangedSinceConfirmation, [.. schools]));
    }

    private static async Task<IResult> GetAsync(Guid id, DataSession session) =>
        await SchoolStore.FindAsync(session, id) is { } school ? TypedResults.Ok(school) : SchoolStore.NotFound();
}
