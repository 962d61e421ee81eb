namespace Cro.Web.Account.Api;

/// <summary>One entry of the security audit log (GET /api/identity/audit); Detail is the recorded JSON object.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string Action, string ActionLabel, Guid? ActorId, string? ActorName,
    string? ActorClient, Guid? SubjectId, string? SubjectName, string? Subject, string? IpAddress, string Detail);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);
