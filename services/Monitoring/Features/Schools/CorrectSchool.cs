namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// PUT /api/monitoring/schools/{id} — the JST's team corrects a school: its name, kind, address, whether it is public. The
/// history keeps the school before and after, who and when; from then on the import leaves the school as the team has it.
/// A form that says what the register says already changes nothing. A closed school is reopened before it is corrected (409).
/// </summary>
public static class CorrectSchool
{
    public static RouteHandlerBuilder MapCorrectSchool(this IEndpointRouteBuilder api) => api
        .MapPut("/schools/{id:guid}", HandleAsync)
        .WithName("CorrectSchool").WithSummary("Zespół poprawia dane szkoły / The team corrects a school")
        .Validate<SchoolForm>().Produces<SchoolView>()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, SchoolForm form, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await SchoolStore.FindAsync(session, id, forUpdate: true) is not { } school)
        {
            return SchoolStore.NotFound();
        }
        if (school.Status == SchoolStatus.Closed)
        {
            return Problems.Conflict("Szkoła jest zamknięta.", "The school is closed.",
                "Zamkniętą szkołę najpierw przywraca się na listę, potem poprawia.", "A closed school is reopened before it is corrected.");
        }
        if (form.Matches(school))
        {
            return TypedResults.Ok(school);
        }
        var corrected = await SchoolStore.ChangeAsync(session, id, SchoolChange.Corrected, """
            name = @name, kind = @kind, street = @street, house_number = @houseNumber, postcode = @postcode, town = @town, is_public = @isPublic
            """, form.Columns(), SchoolStore.Clean(form.Reason), Caller.From(context.User), time.GetUtcNow());
        await session.CommitAsync();
        return TypedResults.Ok(corrected);
    }
}
