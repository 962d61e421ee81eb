using System.Text.RegularExpressions;

namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// GET /api/monitoring/public/plans/{terc}/consultations — anyone reads, with a JST's adopted plan, how its consultations
/// went: for every adopted version (the one in force, and earlier ones an amendment superseded) that was consulted, the
/// period, the counts by stakeholder type, and every visible comment with the team's answer and its reason. A participant's
/// name and school appear only when they agreed to their publication; hidden comments are counted, never shown. With them,
/// every adopted version's adoption: its day, the resolution's number and the resolution's PDF where the team uploaded it
/// (a council's resolution is a public act; <see cref="PlanResolution"/> serves it). 404 when the JST has no adopted plan.
/// </summary>
public static partial class ConsultationLog
{
    /// <param name="Adoptions">Every version the council adopted, oldest first.</param>
    [OpenApiSchemaName("PlanConsultationLog")]
    public sealed record ConsultationLogView(string JstTerc, string? JstName, int VersionInForce, DateOnly? AdoptedOn,
        IReadOnlyList<PublishedConsultation> Consultations, IReadOnlyList<PublishedAdoption> Adoptions);

    /// <param name="Version">The adopted version (the one in force, or one an amendment superseded).</param>
    /// <param name="ResolutionNumber">The council resolution's number, when the team gave it.</param>
    /// <param name="Resolution">The resolution's PDF, when the team uploaded it: GET …/public/plans/{terc}/versions/{version}/resolution.</param>
    [OpenApiSchemaName("PublishedPlanAdoption")]
    public sealed record PublishedAdoption(int Version, DateOnly? AdoptedOn, string? ResolutionNumber, PlanResolutionFile? Resolution);

    /// <param name="Version">The consulted version of the plan.</param>
    /// <param name="AdoptedOn">The day the council adopted that version.</param>
    [OpenApiSchemaName("PublishedPlanConsultation")]
    public sealed record PublishedConsultation(int Version, DateOnly? AdoptedOn, DateOnly OpensOn, DateOnly ClosesOn, DateTimeOffset? ClosedAt,
        ConsultationCounts Counts, IReadOnlyList<PublishedComment> Comments);

    /// <param name="AuthorName">The participant's name, when they agreed to its publication.</param>
    /// <param name="SchoolName">The school they spoke for, when they agreed to their name's publication.</param>
    /// <param name="Answer">accepted, partly or rejected; null when the team did not answer (a plan is adopted with every visible comment answered).</param>
    [OpenApiSchemaName("PublishedConsultationComment")]
    public sealed record PublishedComment(Guid Id, string StakeholderType, string? AuthorName, string? SchoolName, string TargetKind, string? TargetTitle,
        string Text, DateTimeOffset CreatedAt, string? Answer, string? AnswerReason);

    public static RouteHandlerBuilder MapConsultationLog(this IEndpointRouteBuilder api) => api
        .MapGet("/public/plans/{terc}/consultations", HandleAsync)
        .WithName("GetPlanConsultationLog").WithSummary("Rozstrzygnięcia uwag z konsultacji przyjętego planu JST / How the adopted plan's consultation comments were resolved")
        .Produces<ConsultationLogView>().ProducesProblem(StatusCodes.Status404NotFound)
        .AllowAnonymous();

    private static async Task<IResult> HandleAsync(string terc, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!Terc().IsMatch(terc))
        {
            return NotFound();
        }
        await using var session = await DataSession.OpenAsync(db, JstScope.Of([terc]), ct, System.Data.IsolationLevel.RepeatableRead);
        var adopted = (await session.QueryAsync<PlanVersionRow>(PlanVersionRow.Select + $"""
             WHERE v.jst_terc = @terc AND v.status IN ('{PlanStatus.Adopted}', '{PlanStatus.Superseded}') ORDER BY v.number
            """, new { terc })).ToList();
        if (adopted.Count == 0)
        {
            return NotFound();
        }
        var inForce = adopted.Single(v => v.Status == PlanStatus.Adopted);
        var consultations = (await session.QueryAsync<ConsultationRow>(ConsultationRow.Select + $"""
             WHERE c.plan_id = @PlanId AND v.status IN ('{PlanStatus.Adopted}', '{PlanStatus.Superseded}') ORDER BY v.number
            """, new { inForce.PlanId })).ToList();
        var counts = await ConsultationCounts.OfAsync(session, [.. consultations.Select(c => c.Id)]);
        var published = new List<PublishedConsultation>();
        foreach (var consultation in consultations)
        {
            var comments = (await ConsultationCommentView.ListAsync(session, consultation)).Where(c => c.HiddenAt is null)
                .Select(c => new PublishedComment(c.Id, c.StakeholderType, c.PublishName ? c.AuthorName : null, c.PublishName ? c.SchoolName : null,
                    c.TargetKind, c.TargetTitle, c.Text, c.CreatedAt, c.Answer, c.AnswerReason));
            published.Add(new PublishedConsultation(consultation.Version, adopted.Single(v => v.Number == consultation.Version).AdoptedOn,
                consultation.OpensOn, consultation.ClosesOn, consultation.ClosedAt, counts[consultation.Id], [.. comments]));
        }
        var jstName = await session.ExecuteScalarAsync<string?>("SELECT name FROM jst WHERE terc = @terc", new { terc });
        return TypedResults.Ok(new ConsultationLogView(terc, jstName, inForce.Number, inForce.AdoptedOn, published,
            [.. adopted.Select(v => new PublishedAdoption(v.Number, v.AdoptedOn, v.ResolutionNumber, v.Resolution))]));
    }

    private static IResult NotFound() => ProblemDetailsDefaults.NotFound("JST nie ma jeszcze przyjętego planu strategicznego.",
        "The JST has no adopted strategic plan yet.");

    /// <summary>A TERC code's shape: what the public addresses of a JST's plan take (anything else is a 404 before the database).</summary>
    [GeneratedRegex("^[0-9]{2,7}$")]
    internal static partial Regex Terc();
}
