namespace Cro.Web.Training.Api;

/// <summary>GET /api/training/cohorts: every cohort for operators, their own for trainers, newest first.</summary>
public sealed record CohortSummary(Guid Id, string Name, int ProgrammeVersion, int Teams, int Sessions, DateTimeOffset? NextSessionAt,
    DateTimeOffset CreatedAt);

/// <summary>A cohort with the programme version it follows for good, its teams (with the people the caller may see), trainers and sessions.</summary>
public sealed record CohortView(Guid Id, string Name, int ProgrammeVersion, DateTimeOffset CreatedAt, IReadOnlyList<TeamView> Teams,
    IReadOnlyList<TrainerView> Trainers, IReadOnlyList<SessionView> Sessions);

/// <summary>A JST team in the training (also the waiting list, GET /api/training/enrolment/waiting).</summary>
public sealed record TeamView(Guid ApplicationId, Guid RoundId, string? RoundName, string JstTerc, string JstName, DateTimeOffset? AcceptedAt,
    DateTimeOffset? WithdrawnAt, Guid? CohortId, string? CohortName, IReadOnlyList<ParticipantView> Participants);

public sealed record ParticipantView(Guid Id, string FullName, string Email, string Position, string Sex, bool IsCoordinator,
    DateTimeOffset EnrolledAt, DateTimeOffset? LeftAt);

public sealed record TrainerView(string Email, string FullName, Guid? UserId, DateTimeOffset AssignedAt);

/// <summary>A session; its times carry Warsaw's offset. A cancelled one carries when and why.</summary>
public sealed record SessionView(Guid Id, Guid CohortId, string CohortName, string ModuleCode, string ModuleTitle, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Form, string? Place, Uri? OnlineUrl, int Capacity, decimal Hours, int Sequence,
    DateTimeOffset? CancelledAt = null, string? CancellationReason = null)
{
    public bool IsCancelled => CancelledAt is not null;

    /// <summary>Check-in and the trainer's marks open this long before the start (the service's rule, for the page's hints).</summary>
    public static readonly TimeSpan OpensBefore = TimeSpan.FromMinutes(15);

    public bool HasEnded(DateTimeOffset now) => now > EndsAt;
}

/// <summary>POST /api/training/cohorts.</summary>
public sealed record NewCohort(string Name, IReadOnlyList<Guid> ApplicationIds, IReadOnlyList<TrainerInput> Trainers);

/// <summary>A trainer by address (calendar, notices) and name; the service links their account by the address.</summary>
public sealed record TrainerInput(string Email, string FullName);

public sealed record CohortTeamsRequest(IReadOnlyList<Guid> ApplicationIds);

public sealed record CohortTrainersRequest(IReadOnlyList<TrainerInput> Trainers);

/// <summary>
/// POST /api/training/cohorts/{id}/sessions and PUT /api/training/sessions/{id}: start and end are Warsaw wall-clock
/// times without an offset (a DateTime of unspecified kind serialises as "2026-05-12T10:00:00"); hours default to the length.
/// </summary>
public sealed record SessionRequest(string ModuleCode, DateTime StartsAt, DateTime EndsAt, string Form, string? Place, string? OnlineUrl,
    int Capacity, decimal? Hours);

/// <summary>POST /api/training/sessions/{id}/cancel: why, for the people who are mailed.</summary>
public sealed record CancelSessionRequest(string Reason);

/// <summary>PUT /api/training/teams/{applicationId}/cohort: the cohort to move the team to (none: out of its cohort), and why.</summary>
public sealed record TeamCohortRequest(Guid? CohortId, string Reason);

/// <summary>GET /api/training/public/sessions: the next sessions, with dates and form only (no people, places or links).</summary>
public sealed record PublicSession(string ModuleCode, string ModuleTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Form);

/// <summary>GET /api/training/tests/readiness: how many questions a module's bank holds, so whether its tests can be taken.</summary>
public sealed record ModuleTestReadiness(string ModuleCode, string ModuleTitle, int Questions, bool Ready);

/// <summary>GET /api/training/sessions/{id}/check-in-code: the code and when it works.</summary>
public sealed record CheckInCode(string Code, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);

/// <summary>POST /api/training/me/calendar-feed: the secret address of the person's calendar (a new one replaces the old).</summary>
public sealed record CalendarFeed(Uri Url);
