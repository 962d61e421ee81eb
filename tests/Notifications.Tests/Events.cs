namespace Cro.Notifications.Tests;

/// <summary>Events as identity, recruitment and advisory would publish them, for a new person (or application) each time.</summary>
public static class Events
{
    public static InvitationIssued Invitation(string fullName = "Anna Nowak", string role = "jst-coordinator")
    {
        var userId = Guid.CreateVersion7();
        return new InvitationIssued
        {
            UserId = userId,
            Email = $"{userId:N}@gmina.example.pl",
            FullName = fullName,
            Role = role,
            JstTerc = "2261011",
            AcceptUrl = new Uri($"https://cro.example.pl/konto/zaproszenie?token={Guid.NewGuid():N}&u={userId:N}"),
            ExpiresAt = new DateTimeOffset(2026, 12, 6, 13, 30, 0, TimeSpan.Zero),
        };
    }

    public static PasswordResetRequested PasswordReset(Guid userId, string email, string fullName = "Anna Nowak") => new()
    {
        UserId = userId,
        Email = email,
        FullName = fullName,
        ResetUrl = new Uri($"https://cro.example.pl/konto/nowe-haslo?token={Guid.NewGuid():N}"),
        ExpiresAt = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero),
    };

    public static ApplicationDraftStarted ApplicationDraft(string jstName = "Gmina Nowy Targ", string coordinatorName = "Anna Nowak")
    {
        var applicationId = Guid.CreateVersion7();
        return new ApplicationDraftStarted
        {
            ApplicationId = applicationId,
            RoundName = "Nabór 2026/2027",
            JstTerc = "1211092",
            JstName = jstName,
            CoordinatorName = coordinatorName,
            CoordinatorEmail = $"{applicationId:N}@gmina.example.pl",
            ResumeUrl = new Uri($"https://cro.example.pl/wniosek/{applicationId:N}?klucz={Guid.NewGuid():N}"),
            RoundClosesAt = new DateTimeOffset(2026, 12, 6, 13, 30, 0, TimeSpan.Zero),
        };
    }

    /// <summary>A submitted application whose team is a coordinator and two members, each with a sex the mail must not show.</summary>
    public static ApplicationSubmitted SubmittedApplication(string jstName = "Gmina Nowy Targ", string coordinatorName = "Anna Nowak") => new()
    {
        ApplicationId = Guid.CreateVersion7(),
        RoundId = Guid.CreateVersion7(),
        RoundName = "Nabór 2026/2027",
        JstTerc = "1211092",
        JstName = jstName,
        JstKind = "gmina wiejska",
        VoivodeshipTerc = "12",
        AtRiskOfMarginalisation = true,
        Score = 37,
        ScoringVersion = 1,
        SubmittedAt = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero),
        Team =
        [
            Member("Jan Kowalski", "dyrektor szkoły", "undisclosed", isCoordinator: false),
            Member(coordinatorName, "sekretarz gminy", "woman", isCoordinator: true),
            Member("Alex Wiśniewski", "informatyk", "non-binary", isCoordinator: false),
        ],
    };

    /// <summary>The acceptance of a new submitted application (see <see cref="SubmittedApplication"/>).</summary>
    public static ApplicationAccepted AcceptedApplication(string jstName = "Gmina Nowy Targ", string coordinatorName = "Anna Nowak",
        bool promotedFromReserve = false)
    {
        var submitted = SubmittedApplication(jstName, coordinatorName);
        return new()
        {
            ApplicationId = submitted.ApplicationId, RoundId = submitted.RoundId, RoundName = submitted.RoundName,
            JstTerc = submitted.JstTerc, JstName = submitted.JstName, JstKind = submitted.JstKind, VoivodeshipTerc = submitted.VoivodeshipTerc,
            Score = submitted.Score, ScoringVersion = submitted.ScoringVersion, PromotedFromReserve = promotedFromReserve,
            AcceptedAt = DecidedAt, Team = submitted.Team,
        };
    }

    public static ApplicationPutOnReserve ApplicationOnReserve(string jstName = "Gmina Nowy Targ", string coordinatorName = "Anna Nowak")
    {
        var submitted = SubmittedApplication(jstName, coordinatorName);
        return new()
        {
            ApplicationId = submitted.ApplicationId, RoundId = submitted.RoundId, RoundName = submitted.RoundName,
            JstTerc = submitted.JstTerc, JstName = submitted.JstName, DecidedAt = DecidedAt,
            Coordinator = submitted.Team.Single(member => member.IsCoordinator),
        };
    }

    public static ApplicationRejected RejectedApplication(string reason = "Wniosek nie spełnia kryteriów naboru.",
        string jstName = "Gmina Nowy Targ", string coordinatorName = "Anna Nowak")
    {
        var submitted = SubmittedApplication(jstName, coordinatorName);
        return new()
        {
            ApplicationId = submitted.ApplicationId, RoundId = submitted.RoundId, RoundName = submitted.RoundName,
            JstTerc = submitted.JstTerc, JstName = submitted.JstName, Reason = reason, DecidedAt = DecidedAt,
            Coordinator = submitted.Team.Single(member => member.IsCoordinator),
        };
    }

    /// <summary>The withdrawal of a JST that had a place, which went to the best application on the reserve list.</summary>
    public static JstWithdrew Withdrawal(string? reason = "Zmiana priorytetów gminy.", string jstName = "Gmina Nowy Targ",
        string coordinatorName = "Anna Nowak")
    {
        var submitted = SubmittedApplication(jstName, coordinatorName);
        return new()
        {
            ApplicationId = submitted.ApplicationId, RoundId = submitted.RoundId, RoundName = submitted.RoundName,
            JstTerc = submitted.JstTerc, JstName = submitted.JstName, HadPlace = true, Reason = reason,
            WithdrewAt = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), Team = submitted.Team, ReplacedBy = Guid.CreateVersion7(),
        };
    }

    /// <summary>A registration, without an account, for a debate of the JST Gromadka starting at <paramref name="startsAt"/>.</summary>
    public static DebateRegistrationReceived DebateRegistration(DateTimeOffset startsAt, string fullName = "Ewa Sołtys",
        string topic = "Cyfrowa szkoła w naszej gminie")
    {
        var registrationId = Guid.CreateVersion7();
        return new DebateRegistrationReceived
        {
            RegistrationId = registrationId,
            DialogueMeetingId = Guid.CreateVersion7(),
            JstTerc = "0201032",
            JstName = "Gromadka",
            Topic = topic,
            StartsAt = startsAt,
            Place = "Gminny Ośrodek Kultury w Gromadce, ul. Pocztowa 1",
            FullName = fullName,
            Email = $"{registrationId:N}@rodzice.example.pl",
            RegisteredAt = startsAt.AddDays(-14),
        };
    }

    private static readonly DateTimeOffset DecidedAt = new(2026, 9, 15, 6, 0, 0, TimeSpan.Zero);

    private static TaskTeamMember Member(string fullName, string position, string sex, bool isCoordinator)
    {
        var memberId = Guid.CreateVersion7();
        return new TaskTeamMember
        {
            MemberId = memberId,
            FullName = fullName,
            Email = $"{memberId:N}@gmina.example.pl",
            Position = position,
            Sex = sex,
            IsCoordinator = isCoordinator,
        };
    }
}
