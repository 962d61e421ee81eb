namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// POST /api/monitoring/jst/{terc}/schools — the JST's team adds a school the extract lacks (opened since 2022, or run by the
/// JST though the extract tied it elsewhere). It has no RSPO number and its source is the team; the history records it with
/// who and when. An active school of the same name in the same town is already there: 409. What hangs on the list follows
/// in the same transaction (<see cref="ISchoolRegisterObserver"/>: a diagnosis collecting gets the school's questionnaire).
/// </summary>
public static class AddSchool
{
    public static RouteHandlerBuilder MapAddSchool(this IEndpointRouteBuilder api) => api
        .MapPost("/jst/{terc}/schools", HandleAsync)
        .WithName("AddSchool").WithSummary("Zespół dodaje szkołę do listy JST / The team adds a school to the JST's list")
        .Validate<SchoolForm>().Produces<SchoolView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(string terc, SchoolForm form, HttpContext context, DataSession session, ISchoolRegisterObserver observer,
        TimeProvider time)
    {
        if (!SchoolStore.Sees(session, terc))
        {
            return SchoolStore.JstNotFound();
        }
        // Two people of the team adding the same school at once: the second waits here and finds the first's.
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('schools:' || @terc))", new { terc });
        if (await session.ExecuteScalarAsync<bool>("""
                SELECT EXISTS (SELECT 1 FROM schools WHERE jst_terc = @terc AND status = 'active'
                               AND lower(name) = lower(@name) AND lower(town) = lower(@town))
                """, new { terc, name = form.Name.Trim(), town = form.Town.Trim() }))
        {
            return Problems.Conflict("Ta szkoła już jest na liście.", "This school is on the list already.",
                "Na liście JST jest już działająca szkoła o tej nazwie w tej miejscowości.",
                "The JST's list has an active school of this name in this town already.");
        }
        var caller = Caller.From(context.User);
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var parameters = new DynamicParameters(form.Columns());
        parameters.AddDynamicParams(new
        {
            id, terc, changeId = Guid.CreateVersion7(), reason = SchoolStore.Clean(form.Reason), by = caller.UserId, byName = caller.DisplayName,
            now = now.ToUniversalTime(),
        });
        await session.ExecuteAsync($"""
            WITH added AS (
                INSERT INTO schools (id, jst_terc, rspo_id, name, kind, status, street, house_number, postcode, town, is_public, source,
                                     team_changed_at, created_at, updated_at)
                VALUES (@id, @terc, NULL, @name, @kind, '{SchoolStatus.Active}', @street, @houseNumber, @postcode, @town, @isPublic,
                        '{SchoolSource.Team}', @now, @now, @now)
                RETURNING *)
            INSERT INTO school_changes (id, school_id, jst_terc, change, before, after, reason, changed_by, changed_by_name, changed_at)
            SELECT @changeId, a.id, a.jst_terc, '{SchoolChange.Added}', NULL, {SchoolSnapshot.Json("a")}, @reason, @by, @byName, @now FROM added a
            """, parameters);
        var school = (await SchoolStore.FindAsync(session, id))!;
        await observer.SchoolActiveAsync(session, school, now);
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/schools/{id}", school);
    }
}
