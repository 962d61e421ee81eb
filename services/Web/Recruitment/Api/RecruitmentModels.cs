namespace Cro.Web.Recruitment.Api;

// The recruitment service's shapes as the web reads and writes them (services/Recruitment/Features/{Rounds,Applications,Decisions}).
// Only the fields the web uses; the API's JSON is camelCase, as System.Net.Http.Json reads and writes by default.

/// <summary>A round (GET /api/recruitment/rounds): status is planned, open or closed at the time of the call.</summary>
public sealed record RoundView(Guid Id, string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Status, int Capacity,
    IReadOnlyList<string> EligibleKinds, int TeamMin, int TeamMax, int TargetWomen, int TargetMen, RulesDocumentView? RulesDocument = null)
{
    public bool IsOpen => Status == "open";
}

/// <summary>The round's recruitment rules (regulamin), a PDF downloaded from <see cref="Url"/> (a public address through the gateway).</summary>
public sealed record RulesDocumentView(string FileName, long SizeBytes, DateTimeOffset UploadedAt, string Url)
{
    /// <summary>"PDF, 240 KB", for the link's text, so a reader knows what opens.</summary>
    public string Describe() => SizeBytes >= 1024 * 1024
        ? $"PDF, {SizeBytes / 1024.0 / 1024.0:0.#} MB"
        : $"PDF, {Math.Max(1, SizeBytes / 1024)} KB";
}

/// <summary>POST /api/recruitment/rounds; times carry Warsaw's offset for their date.</summary>
public sealed record NewRound(string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Capacity, IReadOnlyList<string> EligibleKinds,
    int TeamMin, int TeamMax, int TargetWomen, int TargetMen);

/// <summary>What the applicant fills in; a draft may be incomplete, submitting checks it is whole.</summary>
public sealed record ApplicationForm(string JstTerc, IReadOnlyList<TeamMemberInput>? Team, int? SchoolsRun, bool? TookPartBefore,
    Declarations? Declarations);

public sealed record TeamMemberInput(string FullName, string Email, string Position, string? Phone, string Sex, bool IsCoordinator);

public sealed record Declarations(string? InformationClauseVersion, bool CommitsToWholeCycle, bool ConsentsToPublishPractices);

public sealed record JstRef(string Terc, string Name, string Kind, string VoivodeshipTerc, bool AtRiskOfMarginalisation);

public sealed record TeamMember(Guid Id, string FullName, string Email, string Position, string? Phone, string Sex, bool IsCoordinator)
{
    public TeamMemberInput ToInput() => new(FullName, Email, Position, Phone, Sex, IsCoordinator);
}

/// <summary>An application as the API returns it. The score is there for operators; the applicant's pages never show it.</summary>
public sealed record ApplicationView(Guid Id, Guid RoundId, string RoundName, JstRef Jst, string Status, IReadOnlyList<TeamMember> Team,
    int? SchoolsRun, bool? TookPartBefore, Declarations Declarations, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, int? Score,
    ScoreBreakdown? ScoreBreakdown = null, int? ScoringVersion = null, bool? FormalCheck = null)
{
    public TeamMember? Coordinator => Team.FirstOrDefault(m => m.IsCoordinator);

    public IReadOnlyList<TeamMember> Members => [.. Team.Where(m => !m.IsCoordinator)];

    /// <summary>The whole form as saved, to be changed in one part and saved again (PUT replaces the whole draft).</summary>
    public ApplicationForm ToForm() => new(Jst.Terc, [.. Team.OrderByDescending(m => m.IsCoordinator).Select(m => m.ToInput())],
        SchoolsRun, TookPartBefore, Declarations);
}

/// <summary>POST /api/recruitment/rounds/{roundId}/applications answers the draft and the key that opens it.</summary>
/// <summary>Whether a JST can start an application in a round; the reason says why not (never who applied).</summary>
public sealed record JstCandidacy(string JstTerc, bool CanApply, string? Reason, bool HasLiveApplication);

public sealed record StartedApplication(ApplicationView Application, string Key);

/// <summary>A row of the operators' review list (GET /api/recruitment/rounds/{id}/applications).</summary>
public sealed record ReviewItem(Guid Id, string JstTerc, string JstName, string JstKind, string VoivodeshipTerc, bool AtRiskOfMarginalisation,
    string Status, int Score, DateTimeOffset SubmittedAt, int TeamSize, int Women, int Men, string CoordinatorName);

public sealed record ReviewPage(IReadOnlyList<ReviewItem> Items, string? NextCursor);

/// <summary>The review list's filters, as the page's query and as the API's.</summary>
public sealed record ReviewQuery(string? Status = null, string? Voivodeship = null, string? Kind = null, bool? AtRisk = null,
    int? MinScore = null, string? Cursor = null, string? Q = null)
{
    public QueryString ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["status"] = Status,
        ["voivodeship"] = Voivodeship,
        ["kind"] = Kind,
        ["atRisk"] = AtRisk switch { true => "true", false => "false", null => null },
        ["minScore"] = MinScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["cursor"] = Cursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}

/// <summary>POST /api/recruitment/applications/{id}/decision: accepted, reserve or rejected (with a reason).</summary>
public sealed record DecisionRequest(string Decision, string? Reason);

/// <summary>GET /api/recruitment/rounds/{id}/statistics: counts only.</summary>
public sealed record RoundStatistics(Guid RoundId, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<VoivodeshipCount> ByVoivodeship,
    IReadOnlyList<KindCount> ByKind, int AtRiskOfMarginalisation)
{
    public int Count(string status) => ByStatus.TryGetValue(status, out var n) ? n : 0;

    public int Total => ByStatus.Values.Sum();
}

public sealed record VoivodeshipCount(string Terc, string Name, int Submitted, int Accepted);

public sealed record KindCount(string Kind, int Submitted, int Accepted);

/// <summary>The decisions by ranking the service proposes: accept the best up to the free places, the rest to the reserve list.</summary>
public sealed record BulkPlan(int Capacity, int AlreadyAccepted, IReadOnlyList<BulkEntry> Accept, IReadOnlyList<BulkEntry> Reserve);

public sealed record BulkEntry(Guid Id, string JstTerc, string JstName, int Score, DateTimeOffset SubmittedAt);

/// <summary>The previewed plan, sent back to be applied only if nothing changed since.</summary>
public sealed record BulkApply(IReadOnlyList<Guid> Accept, IReadOnlyList<Guid> Reserve);

/// <summary>The automatic score's parts, under the round's scoring rules of the version recorded with it.</summary>
public sealed record ScoreBreakdown(int AtRisk, int Kind, int Schools, int FirstTime);

/// <summary>GET /api/recruitment/applications/{id}/review: the checklist and everything decided about the application, newest first.</summary>
public sealed record ReviewRecord(IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<FormalCheckEntry> FormalChecks,
    IReadOnlyList<AdjustmentEntry> Adjustments, IReadOnlyList<DecisionEntry> Decisions, IReadOnlyList<MemberEntry> TeamHistory);

public sealed record ChecklistItem(string Key, string Label);

public sealed record FormalCheckEntry(bool Passed, IReadOnlyDictionary<string, bool> Checklist, string? Comment, DateTimeOffset CheckedAt);

public sealed record AdjustmentEntry(int Points, string Reason, DateTimeOffset AdjustedAt);

public sealed record DecisionEntry(string Decision, string? Reason, int? Score, int? ScoringVersion, DateTimeOffset DecidedAt);

public sealed record MemberEntry(Guid Id, string FullName, string Position, string Sex, bool IsCoordinator, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

/// <summary>PUT /api/recruitment/applications/{id}/formal-check.</summary>
public sealed record FormalCheckRequest(IReadOnlyDictionary<string, bool> Checklist, string? Comment);

/// <summary>POST /api/recruitment/applications/{id}/score-adjustments.</summary>
public sealed record ScoreAdjustment(int Points, string Reason);

/// <summary>POST /api/recruitment/applications/{id}/team/replacements.</summary>
public sealed record MemberReplacement(Guid MemberId, TeamMemberInput Replacement);

/// <summary>GET /api/recruitment/me/applications: the applications of the signed-in person's JST.</summary>
public sealed record JstApplicationSummary(Guid Id, Guid RoundId, string RoundName, string JstTerc, string JstName, string Status, DateTimeOffset? SubmittedAt);

/// <summary>POST /api/recruitment/marginalisation-list answers this with 200 (applied) or 422 (nothing changed).</summary>
public sealed record MarginalisationReport(int Lines, int Valid, IReadOnlyList<MarginalisationProblem> Problems, bool Applied, int? MarkedNow);

public sealed record MarginalisationProblem(int Line, string Text, string Reason);
