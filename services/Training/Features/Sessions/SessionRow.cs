namespace Cro.Training.Features.Sessions;

/// <summary>A session as stored, with its cohort's name and programme version and the module's title in that version.</summary>
internal sealed record SessionRow(Guid Id, Guid CohortId, string CohortName, int ProgrammeVersion, string ModuleCode, string ModuleTitle,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Form, string? Place, string? OnlineUrl, int Capacity, decimal Hours,
    string CheckInCode, int Sequence, DateTimeOffset? CancelledAt, string? CancellationReason)
{
    public const string Select = """
        SELECT s.id, s.cohort_id, c.name AS cohort_name, c.programme_version, s.module_code, m.title AS module_title, s.starts_at, s.ends_at,
               s.form, s.place, s.online_url, s.capacity, s.hours, s.check_in_code, s.sequence,
               s.cancelled_at, s.cancellation_reason
        FROM sessions s
        JOIN cohorts c ON c.id = s.cohort_id
        JOIN programme_modules m ON m.version = c.programme_version AND m.code = s.module_code
        """;

    /// <summary>Check-in (and the trainer's marks) open this long before the start, as people arrive early.</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromMinutes(15);

    public DateTimeOffset OpensAt => StartsAt - OpensBefore;

    public bool IsOpen(DateTimeOffset now) => now >= OpensAt && now <= EndsAt;

    public bool IsCancelled => CancelledAt is not null;

    /// <summary>The session's UID in every calendar document about it (feeds, cancellations mailed by notifications).</summary>
    public string CalendarUid => $"{Id}@cro-training";

    public SessionView ToView() => new(Id, CohortId, CohortName, ModuleCode, ModuleTitle, WarsawTime.InWarsaw(StartsAt), WarsawTime.InWarsaw(EndsAt),
        Form, Place, OnlineUrl is null ? null : new Uri(OnlineUrl), Capacity, Hours, Sequence,
        CancelledAt is { } cancelled ? WarsawTime.InWarsaw(cancelled) : null, CancellationReason);
}

/// <summary>A session as the API shows it; times carry Warsaw's offset. A cancelled session carries when and why.</summary>
public sealed record SessionView(Guid Id, Guid CohortId, string CohortName, string ModuleCode, string ModuleTitle, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Form, string? Place, Uri? OnlineUrl, int Capacity, decimal Hours, int Sequence,
    DateTimeOffset? CancelledAt = null, string? CancellationReason = null);
