using Cro.Identity.Features.Audit;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Cro.Identity.Features.PersonalData;

/// <summary>
/// GET /api/identity/me/personal-data — everything identity holds about the signed-in person (RODO
/// art. 15 and 20): the account, roles and JST, consents, erasure requests and the audit entries about
/// them. The web adds what the other services hold and offers it as one JSON download.
/// </summary>
public static class MyPersonalData
{
    [OpenApiSchemaName("PersonAccount")]
    public sealed record Account(Guid Id, string FullName, string Email, string? PhoneNumber, string? JstTerc,
        IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

    [OpenApiSchemaName("SecurityLogEntry")]
    public sealed record AuditEntry(DateTimeOffset OccurredAt, string Action, string? IpAddress);

    [OpenApiSchemaName("MyErasureRequest")]
    public sealed record ErasureRequest(Guid Id, DateTimeOffset RequestedAt, string? Reason, DateTimeOffset? ExecutedAt);

    [OpenApiSchemaName("IdentityPersonalData")]
    public sealed record MyPersonalDataResponse(Account Account, IReadOnlyList<Consents.Consent> Consents,
        IReadOnlyList<ErasureRequest> ErasureRequests, IReadOnlyList<AuditEntry> SecurityLog);

    public static RouteGroupBuilder MapMyPersonalData(this RouteGroupBuilder api)
    {
        api.MapGet("/me/personal-data", HandleAsync)
            .WithName("MyPersonalData")
            .WithTags("RODO")
            .WithSummary("Moje dane osobowe / My personal data")
            .Produces<MyPersonalDataResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Person);
        return api;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<User> users, Consents consents,
        NpgsqlDataSource dataSource, AuditLog audit, CancellationToken ct)
    {
        var user = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == context.User.PersonId(), ct);
        if (user is null || user.ErasedAt is not null)
        {
            return TypedResults.NotFound();
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var requests = await connection.QueryAsync<ErasureRequest>(new CommandDefinition(
            "SELECT id, requested_at, reason, executed_at FROM erasure_requests WHERE user_id = @id ORDER BY requested_at",
            new { id = user.Id }, cancellationToken: ct));
        var log = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            """
            SELECT occurred_at, action, host(ip_address) AS ip_address FROM audit_log
            WHERE subject_id = @id OR actor_id = @id ORDER BY occurred_at DESC, id DESC LIMIT 1000
            """, new { id = user.Id }, cancellationToken: ct));
        var response = new MyPersonalDataResponse(
            new Account(user.Id, user.FullName, user.Email!, user.PhoneNumber, user.JstTerc,
                [.. await users.GetRolesAsync(user)], user.TwoFactorEnabled, user.CreatedAt),
            await consents.OfAsync(user.Id, ct), [.. requests], [.. log]);
        await audit.AppendAsync(AuditActions.PersonalDataExported, user.Id, ct: ct);
        return TypedResults.Ok(response);
    }
}
