namespace Cro.Web.Account.Api;

/// <summary>A person's account as the identity service lists it (GET /api/identity/users).</summary>
public sealed record PersonAccount(Guid Id, string FullName, string Email, string? JstTerc, IReadOnlyList<string> Roles,
    bool TwoFactorEnabled, bool InvitationAccepted, bool LockedOut, bool Erased, DateTimeOffset CreatedAt);

public sealed record PeoplePage(IReadOnlyList<PersonAccount> Items, string? NextCursor);

/// <summary>The people list's filters; empty ones are left out of the API call (an empty role or JST would filter).</summary>
public sealed record PeopleQuery(string? Q = null, string? Role = null, string? Jst = null, string? Cursor = null, int? Limit = null)
{
    public QueryString ToQueryString() => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q?.Trim(),
        ["role"] = Role,
        ["jst"] = Jst?.Trim(),
        ["cursor"] = Cursor,
        ["limit"] = Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}

/// <summary>PUT /api/identity/users/{id}/access: all the person's roles after the change, and their JST (only for JST roles).</summary>
public sealed record AccessChange(IReadOnlyList<string> Roles, string? JstTerc);
