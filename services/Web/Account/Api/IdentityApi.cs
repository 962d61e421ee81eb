using System.Net.Http.Json;
using System.Text.Json;
using Cro.Web.Administration;
using Cro.Web.Api;

namespace Cro.Web.Account.Api;

/// <param name="JstName">The JST's name from the registry, for the invitation mail.</param>
public sealed record Invitation(string Email, string FullName, string Role, string? JstTerc, string? JstName = null);

public sealed record InvitationSent(Guid UserId, DateTimeOffset ExpiresAt);

/// <summary>The identity service's API, called as the signed-in person (service discovery name "identity").</summary>
public sealed class IdentityApi(HttpClient http)
{
    public async Task<ApiResult<InvitationSent>> InviteAsync(Invitation invitation, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/identity/invitations", invitation, ct);
        return await ApiResult<InvitationSent>.ReadAsync(response, ct);
    }

    /// <summary>Everything identity holds about the signed-in person, as the service wrote it.</summary>
    public async Task<ApiResult<JsonElement>> MyPersonalDataAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/identity/me/personal-data", ct);
        return await ApiResult<JsonElement>.ReadAsync(response, ct);
    }

    public async Task<ApiResult<JsonElement>> RequestErasureAsync(string? reason, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/identity/me/erasure-request", new { reason }, ct);
        return await ApiResult<JsonElement>.ReadAsync(response, ct);
    }

    /// <summary>A page of people with accounts (operators and administrators).</summary>
    public async Task<ApiResult<PeoplePage>> PeopleAsync(PeopleQuery query, CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/identity/users" + query.ToQueryString(), ct);
        return await ApiResult<PeoplePage>.ReadAsync(response, ct);
    }

    /// <summary>One person's account.</summary>
    public async Task<ApiResult<PersonAccount>> PersonAsync(Guid id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/identity/users/{id}", ct);
        return await ApiResult<PersonAccount>.ReadAsync(response, ct);
    }

    /// <summary>Replaces a person's roles and JST (administrators).</summary>
    public async Task<ApiResult<JsonElement>> ChangeAccessAsync(Guid id, AccessChange change, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync($"/api/identity/users/{id}/access", change, ct);
        return await ApiResult<JsonElement>.ReadAsync(response, ct);
    }

    public async Task<ApiResult<List<PartnerClient>>> PartnerClientsAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/identity/clients", ct);
        return await ApiResult<List<PartnerClient>>.ReadAsync(response, ct);
    }

    public async Task<ApiResult<ClientCredentials>> CreatePartnerClientAsync(NewPartnerClient client, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/identity/clients", client, ct);
        return await ApiResult<ClientCredentials>.ReadAsync(response, ct);
    }

    /// <summary>A new secret for the client; the previous one stops working at once.</summary>
    public async Task<ApiResult<ClientCredentials>> RotatePartnerClientSecretAsync(string clientId, CancellationToken ct)
    {
        using var response = await http.PostAsync($"/api/identity/clients/{Uri.EscapeDataString(clientId)}/secret", null, ct);
        return await ApiResult<ClientCredentials>.ReadAsync(response, ct);
    }

    public async Task<ApiResult<JsonElement>> DeletePartnerClientAsync(string clientId, CancellationToken ct)
    {
        using var response = await http.DeleteAsync($"/api/identity/clients/{Uri.EscapeDataString(clientId)}", ct);
        return await ApiResult<JsonElement>.ReadAsync(response, ct);
    }

    /// <summary>A page of the audit log, newest first (administrators).</summary>
    public async Task<ApiResult<AuditPage>> AuditAsync(AuditFilter filter, CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/identity/audit" + filter.ToApiQuery(), ct);
        return await ApiResult<AuditPage>.ReadAsync(response, ct);
    }

    /// <summary>
    /// The audit log as CSV, unread: the caller streams the body on and disposes the response. The export
    /// has no page limit, so it must not be buffered here.
    /// </summary>
    public Task<HttpResponseMessage> AuditExportAsync(AuditFilter filter, CancellationToken ct) =>
        http.GetAsync("/api/identity/audit/export" + (filter with { Cursor = null }).ToApiQuery(), HttpCompletionOption.ResponseHeadersRead, ct);

    /// <summary>Erasure requests waiting for an operator, oldest first.</summary>
    public async Task<ApiResult<List<PendingErasure>>> PendingErasuresAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/identity/erasure-requests", ct);
        return await ApiResult<List<PendingErasure>>.ReadAsync(response, ct);
    }

    /// <summary>Pseudonymises the person's account and tells the other services to erase their data.</summary>
    public async Task<ApiResult<JsonElement>> ExecuteErasureAsync(Guid requestId, CancellationToken ct)
    {
        using var response = await http.PostAsync($"/api/identity/erasure-requests/{requestId}/execute", null, ct);
        return await ApiResult<JsonElement>.ReadAsync(response, ct);
    }
}
