namespace Cro.Monitoring.Features.Plans;

/// <summary>A JST's plan: its latest version in full (the one being written, or the one in force) and every version's summary.</summary>
[OpenApiSchemaName("StrategicPlan")]
public sealed record PlanView(Guid Id, string JstTerc, string? JstName, Guid DiagnosisId, PlanVersionView Current, IReadOnlyList<PlanVersionSummary> Versions)
{
    private sealed record Head(Guid Id, string JstTerc, string? JstName, Guid DiagnosisId);

    /// <summary>The plan as far as the caller's scope sees it; null otherwise (a 404).</summary>
    public static async Task<PlanView?> FindAsync(DataSession session, Guid id)
    {
        var head = await session.QuerySingleOrDefaultAsync<Head>("""
            SELECT p.id, p.jst_terc, j.name AS jst_name, p.diagnosis_id FROM plans p LEFT JOIN jst j ON j.terc = p.jst_terc WHERE p.id = @id
            """, new { id });
        if (head is null)
        {
            return null;
        }
        var versions = await PlanVersionRow.ListAsync(session, id);
        return new PlanView(head.Id, head.JstTerc, head.JstName, head.DiagnosisId, PlanVersionView.Of(versions[^1]),
            [.. versions.Select(v => new PlanVersionSummary(v.Number, v.Status, v.CreatedAt, v.AdoptedOn, v.AmendmentReason, v.Resolution))]);
    }
}

/// <param name="Status"><see cref="PlanStatus"/>: draft, consultation, revised, adopted, superseded.</param>
/// <param name="Revision">Grows with every save; a save names the revision it changes.</param>
/// <param name="AmendmentReason">Why this version amends the one adopted before; null for the first.</param>
/// <param name="Budget">The actions' budget lines summed by year and source of funding.</param>
/// <param name="TotalBudget">The sum of the actions' budgets, PLN.</param>
/// <param name="Resolution">The council resolution's PDF the team uploaded for the adopted version; null while there is none.</param>
[OpenApiSchemaName("PlanVersion")]
public sealed record PlanVersionView(int Number, string Status, int Revision, string? AmendmentReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateOnly? AdoptedOn, string? ResolutionNumber, PlanContent Content, IReadOnlyList<PlanBudgetCell> Budget, decimal TotalBudget,
    PlanResolutionFile? Resolution)
{
    public static PlanVersionView Of(PlanVersionRow row)
    {
        var content = row.Document;
        var budget = (content.Actions ?? []).SelectMany(a => a.Budget ?? []).GroupBy(l => (l.Year, l.Source))
            .Select(g => new PlanBudgetCell(g.Key.Year, g.Key.Source, g.Sum(l => l.Amount))).OrderBy(c => c.Year).ThenBy(c => c.Source, StringComparer.Ordinal);
        return new PlanVersionView(row.Number, row.Status, row.Revision, row.AmendmentReason, row.CreatedAt, row.UpdatedAt, row.AdoptedOn, row.ResolutionNumber,
            content, [.. budget], (content.Actions ?? []).Sum(a => a.TotalBudget ?? 0), row.Resolution);
    }
}

[OpenApiSchemaName("PlanBudgetCell")]
public sealed record PlanBudgetCell(int Year, string Source, decimal Amount);

/// <param name="Resolution">The council resolution's PDF the team uploaded for the version; null while there is none.</param>
[OpenApiSchemaName("PlanVersionSummary")]
public sealed record PlanVersionSummary(int Number, string Status, DateTimeOffset CreatedAt, DateOnly? AdoptedOn, string? AmendmentReason,
    PlanResolutionFile? Resolution);

/// <summary>The council resolution adopting a version, as the PDF the team uploaded: GET …/plans/{id}/versions/{number}/resolution downloads it.</summary>
[OpenApiSchemaName("PlanResolutionFile")]
public sealed record PlanResolutionFile(string FileName, long SizeBytes, DateTimeOffset UploadedAt);
