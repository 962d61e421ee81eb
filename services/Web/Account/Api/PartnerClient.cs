namespace Cro.Web.Account.Api;

/// <summary>A partner's API client (client credentials) as the identity service lists it.</summary>
public sealed record PartnerClient(string ClientId, string DisplayName, IReadOnlyList<string> Scopes);

public sealed record NewPartnerClient(string DisplayName, IReadOnlyList<string> Scopes);

/// <summary>The only moment the secret is known in clear: the answer to a creation or a rotation.</summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret);
