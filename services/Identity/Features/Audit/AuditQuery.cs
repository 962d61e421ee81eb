using System.Globalization;
using System.Text;
using Dapper;
using FluentValidation;

namespace Cro.Identity.Features.Audit;

/// <summary>
/// The filters of the audit log page and its CSV export, as one SQL query: newest first, people
/// named through the users table (so an erased person shows pseudonymised).
/// </summary>
public sealed record AuditQuery(string? Action, Guid? Person, DateTimeOffset? From, DateTimeOffset? To, string? Cursor, int Limit = 50)
{
    public const int MaxLimit = 200;

    public sealed class Validator : AbstractValidator<AuditQuery>
    {
        public Validator()
        {
            RuleFor(q => q.Action).Must(a => a is null || AuditActions.Labels.ContainsKey(a))
                .WithMessage(_ => Text.Pick("Nieznany rodzaj zdarzenia.", "Unknown kind of event."));
            RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage(_ => Text.Pick("Koniec okresu musi być późniejszy niż początek.", "The end of the period must come after its start."));
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit)
                .WithMessage(_ => KeysetCursor.LimitMessage(MaxLimit));
            RuleFor(q => q.Cursor).Must(c => c is null || Before(c) is not null)
                .WithMessage(_ => KeysetCursor.InvalidMessage);
        }
    }

    [OpenApiSchemaName("AuditLogEntry")]
    public sealed record Entry(long Id, DateTimeOffset OccurredAt, string Action, Guid? ActorId, string? ActorName, string? ActorClient,
        Guid? SubjectId, string? SubjectName, string? Subject, string? IpAddress, string Detail)
    {
        public string ActionLabel => AuditActions.Label(Action);
    }

    public static string CursorAfter(Entry last) => KeysetCursor.Encode(last.Id.ToString(CultureInfo.InvariantCulture));

    private static long? Before(string? cursor) =>
        KeysetCursor.TryDecode(cursor, 1, out var key) && long.TryParse(key[0], CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <param name="paged">A page of Limit + 1 rows after the cursor (the extra row tells whether there is a next page), or every row.</param>
    public CommandDefinition ToCommand(bool paged, CancellationToken ct)
    {
        var before = paged ? Before(Cursor) : null;
        int? limit = paged ? Limit + 1 : null;
        var sql = new StringBuilder("""
            SELECT a.id, a.occurred_at, a.action, a.actor_id, actor."FullName" AS actor_name, a.actor_client,
                   a.subject_id, subject."FullName" AS subject_name, a.subject, host(a.ip_address) AS ip_address, a.detail::text AS detail
            FROM audit_log a
            LEFT JOIN "AspNetUsers" actor ON actor."Id" = a.actor_id
            LEFT JOIN "AspNetUsers" subject ON subject."Id" = a.subject_id
            WHERE true
            """);
        if (Action is not null) sql.Append(" AND a.action = @Action");
        if (Person is not null) sql.Append(" AND (a.actor_id = @Person OR a.subject_id = @Person)");
        if (From is not null) sql.Append(" AND a.occurred_at >= @From");
        if (To is not null) sql.Append(" AND a.occurred_at < @To");
        if (before is not null) sql.Append(" AND a.id < @before");
        sql.Append(" ORDER BY a.id DESC");
        if (limit is not null) sql.Append(" LIMIT @limit");
        // Unbuffered for the export: a year of entries streams to the client row by row instead of filling memory.
        return new CommandDefinition(sql.ToString(), new { Action, Person, From, To, before, limit },
            flags: paged ? CommandFlags.Buffered : CommandFlags.None, cancellationToken: ct);
    }
}
