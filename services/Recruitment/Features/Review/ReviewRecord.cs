using System.Text.Json;
using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.Review;

/// <summary>
/// GET /api/recruitment/applications/{id}/review — what operators need beside the application to review
/// it: the formal checklist (keys and labels), every formal check, score adjustment and decision made so
/// far (newest first), and the team's history with the people who have left.
/// </summary>
public static class ReviewRecord
{
    public sealed record ReviewRecordResponse(IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<FormalCheckEntry> FormalChecks,
        IReadOnlyList<AdjustmentEntry> Adjustments, IReadOnlyList<DecisionEntry> Decisions, IReadOnlyList<MemberEntry> TeamHistory);

    public sealed record ChecklistItem(string Key, string Label);

    public sealed record FormalCheckEntry(bool Passed, IReadOnlyDictionary<string, bool> Checklist, string? Comment, Guid? CheckedBy, DateTimeOffset CheckedAt);

    public sealed record AdjustmentEntry(int Points, string Reason, Guid? AdjustedBy, DateTimeOffset AdjustedAt);

    public sealed record DecisionEntry(string Decision, string? Reason, int? Score, int? ScoringVersion, Guid? DecidedBy, DateTimeOffset DecidedAt);

    public sealed record MemberEntry(Guid Id, string FullName, string Position, string Sex, bool IsCoordinator, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

    private sealed record CheckRow(bool Passed, string Checklist, string? Comment, Guid? CheckedBy, DateTimeOffset CheckedAt);

    public static RouteHandlerBuilder MapReviewRecord(this IEndpointRouteBuilder api) => api
        .MapGet("/applications/{id:guid}/review", HandleAsync)
        .WithName("ReviewRecord")
        .WithSummary("Przebieg oceny wniosku / An application's review record")
        .Produces<ReviewRecordResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Operator);

    private static Task<IResult> HandleAsync(Guid id, HttpContext context, NpgsqlDataSource db) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            var session = access.Session;
            var checks = await session.QueryAsync<CheckRow>("""
                SELECT passed, checklist::text AS checklist, comment, checked_by, checked_at
                FROM formal_checks WHERE application_id = @id ORDER BY checked_at DESC
                """, new { id });
            var adjustments = await session.QueryAsync<AdjustmentEntry>("""
                SELECT points, reason, adjusted_by, adjusted_at FROM score_adjustments WHERE application_id = @id ORDER BY adjusted_at DESC
                """, new { id });
            var decisions = await session.QueryAsync<DecisionEntry>("""
                SELECT decision, reason, score, scoring_version, decided_by, decided_at FROM decisions WHERE application_id = @id ORDER BY decided_at DESC
                """, new { id });
            var team = await session.QueryAsync<MemberEntry>("""
                SELECT id, full_name, position, sex, is_coordinator, joined_at, left_at FROM team_members WHERE application_id = @id ORDER BY ordinal
                """, new { id });
            return TypedResults.Ok(new ReviewRecordResponse(
                [.. FormalCheck.Items.Select(i => new ChecklistItem(i.Key, Text.Pick(i.Value.Pl, i.Value.En)))],
                [.. checks.Select(c => new FormalCheckEntry(c.Passed, JsonSerializer.Deserialize<Dictionary<string, bool>>(c.Checklist)!, c.Comment, c.CheckedBy, c.CheckedAt))],
                [.. adjustments], [.. decisions], [.. team]));
        });
}
