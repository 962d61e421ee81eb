using Cro.ServiceDefaults.Security;
using Dapper;

namespace Cro.Notifications.Features.PersonalData;

/// <summary>
/// GET /api/notifications/me/personal-data — what notifications holds about the signed-in person (RODO
/// art. 15 and 20): every mail the platform sent or will send them, and when their data was erased here.
/// </summary>
public static class MyPersonalData
{
    /// <summary>
    /// One mail, without its body: the bodies carry single-use links (invitation, password reset), and an
    /// export must not become a second way to obtain them. After erasure the address reads
    /// <c>erased-{id}@invalid</c> and the subject is empty, as stored.
    /// </summary>
    /// <param name="Kind">The template: <c>invitation</c>, <c>password-reset</c>, <c>application-draft</c>,
    /// <c>application-submitted</c>, <c>application-accepted</c>, <c>application-reserve</c>,
    /// <c>application-rejected</c>, <c>jst-withdrew</c> (<c>unknown</c> for mail older than the field).</param>
    /// <param name="Status"><c>pending</c>, <c>sent</c>, <c>failed</c> (given up) or <c>cancelled</c> (by erasure).</param>
    [OpenApiSchemaName("MailToPerson")]
    public sealed record Mail(Guid Id, string Kind, string Recipient, string Subject, string Status,
        DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    [OpenApiSchemaName("NotificationsPersonalData")]
    public sealed record MyPersonalDataResponse(Guid PersonId, IReadOnlyList<Mail> Mails, DateTimeOffset? ErasedAt);

    // Npgsql reads timestamptz as a UTC DateTime.
    private sealed record MailRow(Guid Id, string Kind, string Recipient, string Subject, string Status, DateTime CreatedAt, DateTime? SentAt);

    public static RouteHandlerBuilder MapMyPersonalData(this IEndpointRouteBuilder api) => api
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyNotificationsPersonalData")
        .WithTags("RODO")
        .WithSummary("Moje dane osobowe: wiadomości e-mail / My personal data: e-mails")
        .Produces<MyPersonalDataResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        if (context.User.PersonId() is not { } personId)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: Text.Pick("Brak dostępu.", "Forbidden."),
                detail: Text.Pick("Token nie wskazuje osoby.", "The token names no person."));
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        // No paging: a person has a handful of mails (sent ones are deleted after the retention period),
        // and an export is one document.
        var mails = await connection.QueryAsync<MailRow>(new CommandDefinition("""
            SELECT id, kind, recipient, subject, status, created_at, sent_at
            FROM outgoing_mail WHERE user_id = @personId ORDER BY created_at, id
            """, new { personId }, cancellationToken: ct));
        var erasedAt = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT erased_at FROM erased_people WHERE user_id = @personId", new { personId }, cancellationToken: ct));
        return TypedResults.Ok(new MyPersonalDataResponse(personId,
            [.. mails.Select(m => new Mail(m.Id, m.Kind, m.Recipient, m.Subject, m.Status, Utc(m.CreatedAt), Utc(m.SentAt)))],
            Utc(erasedAt)));
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? time) => time is { } value ? Utc(value) : null;
}
