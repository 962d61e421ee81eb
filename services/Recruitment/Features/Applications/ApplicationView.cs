using System.Text.Json;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Features.Applications;

/// <summary>An application as the API returns it.</summary>
public sealed record ApplicationView(Guid Id, Guid RoundId, string RoundName, JstRef Jst, string Status, IReadOnlyList<TeamMemberView> Team,
    int? SchoolsRun, bool? TookPartBefore, Declarations Declarations, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    int? Score, ScoreBreakdown? ScoreBreakdown, int? ScoringVersion, bool? FormalCheck);

public sealed record JstRef(string Terc, string Name, string Kind, string VoivodeshipTerc, bool AtRiskOfMarginalisation);

public sealed record TeamMemberView(Guid Id, string FullName, string Email, string Position, string? Phone, string Sex, bool IsCoordinator);

/// <summary>The application row with its round and JST, as the store reads it.</summary>
internal sealed record ApplicationRow
{
    public const string SelectSql = """
        SELECT a.id, a.round_id, r.name AS round_name, r.opens_at, r.closes_at, r.team_min, r.team_max, r.eligible_kinds,
               a.jst_terc, j.name AS jst_name, j.kind AS jst_kind, j.voivodeship_terc, j.at_risk_of_marginalisation,
               a.status, a.schools_run, a.took_part_before, a.clause_version, a.commitment, a.publish_consent,
               a.created_at, a.submitted_at, a.score, a.score_breakdown::text AS score_breakdown, a.scoring_version, a.formal_check
        FROM applications a
        JOIN rounds r ON r.id = a.round_id
        JOIN jst j ON j.terc = a.jst_terc
        """;

    public Guid Id { get; init; }
    public Guid RoundId { get; init; }
    public string RoundName { get; init; } = "";
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public int TeamMin { get; init; }
    public int TeamMax { get; init; }
    public string[] EligibleKinds { get; init; } = [];
    public string JstTerc { get; init; } = "";
    public string JstName { get; init; } = "";
    public string JstKind { get; init; } = "";
    public string VoivodeshipTerc { get; init; } = "";
    public bool AtRiskOfMarginalisation { get; init; }
    public string Status { get; init; } = "";
    public int? SchoolsRun { get; init; }
    public bool? TookPartBefore { get; init; }
    public string? ClauseVersion { get; init; }
    public bool Commitment { get; init; }
    public bool PublishConsent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public int? Score { get; init; }
    public string? ScoreBreakdown { get; init; }
    public int? ScoringVersion { get; init; }
    public bool? FormalCheck { get; init; }

    public List<TeamMemberView> Team { get; } = [];

    public ApplicationView ToView() => new(Id, RoundId, RoundName,
        new JstRef(JstTerc, JstName, JstKind, VoivodeshipTerc, AtRiskOfMarginalisation), Status, Team, SchoolsRun, TookPartBefore,
        new Declarations(ClauseVersion, Commitment, PublishConsent), CreatedAt, SubmittedAt, Score,
        ScoreBreakdown is null ? null : JsonSerializer.Deserialize<ScoreBreakdown>(ScoreBreakdown, JsonSerializerOptions.Web), ScoringVersion, FormalCheck);
}
