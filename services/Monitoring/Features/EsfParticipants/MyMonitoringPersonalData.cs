namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// GET /api/monitoring/me/personal-data — what monitoring holds about the signed-in person (RODO art. 15 and 20): their
/// ESF+ participant data, found by the address of their account. The special-category answers are said to be on record,
/// not repeated: the file is downloaded and kept on devices; the person asks ORE's ESF+ data staff for them.
/// </summary>
public static class MyMonitoringPersonalData
{
    [OpenApiSchemaName("MonitoringPersonalData")]
    public sealed record PersonalData(IReadOnlyList<EsfParticipantData> EsfParticipant);

    /// <param name="SpecialCategoriesGivenAt">When the special-category answers were given (their content is released by ORE on request).</param>
    [OpenApiSchemaName("EsfParticipantPersonalData")]
    public sealed record EsfParticipantData(string JstTerc, string? JstName, string FullName, string Email, string? Sex, int? AgeAtStart, string? Pesel,
        bool? NoPesel, string? Education, string? LabourStatus, DateTimeOffset? SpecialCategoriesGivenAt, DateTimeOffset? SubmittedAt,
        DateOnly? SupportStart, DateOnly? SupportEnd, string SupportForm);

    public static RouteHandlerBuilder MapMyMonitoringPersonalData(this IEndpointRouteBuilder api) => api
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyMonitoringPersonalData").WithTags("RODO")
        .WithSummary("Moje dane osobowe: dane uczestnika projektu (EFS+) / My personal data: ESF+ participant data")
        .Produces<PersonalData>().RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        var email = context.User.FindFirst(CroClaims.Email)?.Value;
        if (string.IsNullOrWhiteSpace(email))
        {
            return TypedResults.Ok(new PersonalData([]));
        }
        // The rows are the caller's own, whichever JST they were in.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var rows = await session.QueryAsync<ParticipantRow>($"{ParticipantRow.Select} WHERE lower(p.email) = lower(@email) ORDER BY p.joined_at", new { email });
        return TypedResults.Ok(new PersonalData([.. rows.Select(r => new EsfParticipantData(r.JstTerc, r.JstName, r.FullName, r.Email, r.Sex, r.AgeAtStart,
            r.Pesel, r.NoPesel, r.Education, r.LabourStatus, r.SpecialCategoriesGivenAt, r.SubmittedAt, r.SupportStart, r.SupportEndOn, r.SupportForm))]));
    }
}
