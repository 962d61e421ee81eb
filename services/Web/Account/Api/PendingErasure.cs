namespace Cro.Web.Account.Api;

/// <summary>A person's request to erase their data (RODO art. 17) that no operator has carried out yet.</summary>
public sealed record PendingErasure(Guid Id, Guid UserId, string FullName, string Email, DateTimeOffset RequestedAt, string? Reason);
