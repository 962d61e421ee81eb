using System.Net;
using System.Text.Json;
using Dapper;

namespace Cro.Identity.Features.Audit;

/// <summary>
/// Appends to the security audit trail. The actor (a person or an API client) and the client's address
/// come from the current request; callers say what happened and to whom. Inside a transaction the entry
/// commits or rolls back with the change it records.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource, IHttpContextAccessor http)
{
    public async Task AppendAsync(string action, Guid? subjectId = null, string? subject = null, object? detail = null,
        Guid? actorId = null, NpgsqlTransaction? transaction = null, CancellationToken ct = default)
    {
        var user = http.HttpContext?.User;
        var isClient = user?.FindFirst(CroClaims.PrincipalType)?.Value == CroClaims.Client;
        actorId ??= isClient ? null : user?.PersonId();
        var sql = """
            INSERT INTO audit_log (action, actor_id, actor_client, subject_id, subject, ip_address, detail)
            VALUES (@action, @actorId, @actorClient, @subjectId, @subject, @ip::inet, @detail::jsonb)
            """;
        var parameters = new
        {
            action,
            actorId,
            actorClient = isClient ? user!.FindFirst(CroClaims.Subject)?.Value : null,
            subjectId,
            subject,
            ip = ClientAddress()?.ToString(),
            detail = JsonSerializer.Serialize(detail ?? new { }, JsonSerializerOptions.Web),
        };
        if (transaction is not null)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    private IPAddress? ClientAddress()
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
    }
}
