namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// The people of accepted teams with their names and addresses (<c>esf_people</c>), from recruitment's events: SM EFS
/// reports participants by name, and a team member signing in is found by their account's address. The acceptance's
/// team replaces nobody: a person stays, having been in the team (a participant who left is still reported).
/// </summary>
internal static class EsfPeople
{
    public const string UpsertSql = """
        INSERT INTO esf_people (member_id, application_id, jst_terc, full_name, email, joined_at)
        SELECT t.member_id, @ApplicationId, @JstTerc, t.full_name, t.email, @At
        FROM unnest(@MemberIds, @Names, @Emails) AS t (member_id, full_name, email)
        ON CONFLICT (member_id) DO UPDATE SET full_name = excluded.full_name, email = excluded.email
            WHERE esf_people.erased_at IS NULL
        """;
}

public sealed class EsfPeopleOnAcceptance(NpgsqlDataSource dataSource) : InboxConsumer<ApplicationAccepted>(dataSource)
{
    protected override Task HandleAsync(ApplicationAccepted message, DataSession session) =>
        session.ExecuteAsync(EsfPeople.UpsertSql, new
        {
            message.ApplicationId, message.JstTerc, At = message.AcceptedAt.ToUniversalTime(),
            MemberIds = message.Team.Select(m => m.MemberId).ToArray(),
            Names = message.Team.Select(m => m.FullName.Trim()).ToArray(),
            Emails = message.Team.Select(m => m.Email.Trim()).ToArray(),
        });
}

public sealed class EsfPeopleOnJoining(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override Task HandleAsync(TeamMemberJoined message, DataSession session) =>
        session.ExecuteAsync(EsfPeople.UpsertSql, new
        {
            message.ApplicationId, message.JstTerc, At = message.JoinedAt.ToUniversalTime(),
            MemberIds = new[] { message.Member.MemberId },
            Names = new[] { message.Member.FullName.Trim() },
            Emails = new[] { message.Member.Email.Trim() },
        });
}

/// <summary>
/// Erasure (RODO art. 17): the person's name, address and PESEL number go; what they answered (sex, age, education,
/// status, special categories, dates) stays under a random id, no longer tied to anyone, so the figures reported to SM EFS
/// and the indicators (counted on other tables) stay as they were. An erased person is not exported again.
/// </summary>
public sealed class EsfParticipantsPersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override Task HandleAsync(PersonErased message, DataSession session) => session.ExecuteAsync("""
        WITH erased AS (
            UPDATE esf_people SET full_name = @ErasedName, email = 'usunieta-' || member_id || '@usunieto.invalid', erased_at = @At
            WHERE erased_at IS NULL AND lower(email) = lower(@email)
            RETURNING member_id)
        UPDATE esf_participants SET pesel = NULL WHERE member_id IN (SELECT member_id FROM erased)
        """, new { ErasedName = ErasedPerson.Name, email = message.Email?.Trim() ?? "", At = message.ErasedAt.ToUniversalTime() });
}
