using System.Text.Json;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>A round as the API shows it, with the scoring rules in force (their latest version).</summary>
/// <param name="RulesDocument">The recruitment rules (regulamin) the operator attached, as a PDF to download; null until attached.</param>
public sealed record RoundResponse(Guid Id, string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Status, int Capacity,
    IReadOnlyList<string> EligibleKinds, int TeamMin, int TeamMax, int TargetWomen, int TargetMen, int ScoringVersion, ScoringRules Scoring,
    RoundRulesDocument.RulesDocumentInfo? RulesDocument = null);

/// <summary>Where a round stands, as <see cref="RoundResponse.Status"/> says it: known from its window and the time, never stored.</summary>
public static class RoundStatus
{
    /// <summary>Not open yet.</summary>
    public const string Planned = "planned";

    /// <summary>Taking applications.</summary>
    public const string Open = "open";

    public const string Closed = "closed";

    public static string At(DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        now < opensAt ? Planned : now < closesAt ? Open : Closed;
}

/// <summary>A row of rounds joined with its latest scoring rules.</summary>
internal sealed record RoundRow
{
    public const string SelectSql = """
        SELECT r.id, r.name, r.opens_at, r.closes_at, r.capacity, r.eligible_kinds, r.team_min, r.team_max,
               r.target_women, r.target_men, s.version AS scoring_version, s.rules::text AS scoring,
               d.file_name AS rules_file_name, d.size_bytes AS rules_size_bytes, d.uploaded_at AS rules_uploaded_at
        FROM rounds r
        JOIN LATERAL (SELECT version, rules FROM scoring_rules WHERE round_id = r.id ORDER BY version DESC LIMIT 1) s ON true
        LEFT JOIN round_rules_documents d ON d.round_id = r.id
        """;

    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public int Capacity { get; init; }
    public string[] EligibleKinds { get; init; } = [];
    public int TeamMin { get; init; }
    public int TeamMax { get; init; }
    public int TargetWomen { get; init; }
    public int TargetMen { get; init; }
    public int ScoringVersion { get; init; }
    public string Scoring { get; init; } = "{}";
    public string? RulesFileName { get; init; }
    public long? RulesSizeBytes { get; init; }
    public DateTimeOffset? RulesUploadedAt { get; init; }

    public RoundResponse ToResponse(DateTimeOffset now) => new(Id, Name, OpensAt, ClosesAt,
        RoundStatus.At(OpensAt, ClosesAt, now), Capacity, EligibleKinds, TeamMin, TeamMax, TargetWomen, TargetMen,
        ScoringVersion, JsonSerializer.Deserialize<ScoringRules>(Scoring, JsonSerializerOptions.Web)!,
        RulesFileName is null ? null : new RoundRulesDocument.RulesDocumentInfo(RulesFileName, RulesSizeBytes ?? 0, RulesUploadedAt ?? default, RoundRulesDocument.Url(Id)));
}
