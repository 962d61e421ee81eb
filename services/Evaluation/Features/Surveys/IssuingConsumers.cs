namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// After a module's completion, the participant gets the module's survey, grouped by module and cohort (and so by the
/// cohort's trainers). The event names the participant by id only; their address comes from ParticipantEnrolled or
/// TeamMemberJoined, and until that has arrived the message is retried.
/// </summary>
public sealed class SurveyModuleCompletedConsumer(NpgsqlDataSource dataSource, SurveyIssuing issuing) : InboxConsumer<ModuleCompleted>(dataSource)
{
    protected override async Task HandleAsync(ModuleCompleted message, DataSession session)
    {
        var person = await session.QuerySingleOrDefaultAsync<(string Email, string FullName)?>(
            "SELECT email, full_name FROM survey_team_people WHERE member_id = @ParticipantId", new { message.ParticipantId })
            ?? throw new InvalidOperationException($"Participant {message.ParticipantId} is not known yet (ParticipantEnrolled); retrying.");
        var title = await session.ExecuteScalarAsync<string?>("SELECT title FROM survey_modules WHERE code = @ModuleCode", new { message.ModuleCode });
        await issuing.IssueAsync(session, SurveyOccasions.ModuleCompleted, $"{SurveyOccasions.ModuleCompleted}:{message.ParticipantId}:{message.ModuleCode}",
            person.Email, person.FullName, title is null ? $"moduł {message.ModuleCode}" : $"moduł {message.ModuleCode}: {title}",
            new GroupKeys(ModuleCode: message.ModuleCode, CohortId: message.CohortId));
    }
}

/// <summary>At the end of a JST's advisory, everyone still in its task team gets the advisory's survey, grouped by advisor.</summary>
public sealed class SurveyEngagementEndedConsumer(NpgsqlDataSource dataSource, SurveyIssuing issuing) : InboxConsumer<EngagementEnded>(dataSource)
{
    protected override async Task HandleAsync(EngagementEnded message, DataSession session)
    {
        var people = await session.QueryAsync<(Guid MemberId, string Email, string FullName, string JstName)>("""
            SELECT p.member_id, p.email, p.full_name, coalesce(j.name, p.jst_terc)
            FROM survey_team_people p LEFT JOIN jst j ON j.terc = p.jst_terc
            WHERE p.application_id = @ApplicationId AND p.left_at IS NULL AND p.email NOT LIKE 'erased-%@invalid'
            ORDER BY p.member_id
            """, new { message.ApplicationId });
        foreach (var person in people)
        {
            await issuing.IssueAsync(session, SurveyOccasions.EngagementEnded, $"{SurveyOccasions.EngagementEnded}:{message.EngagementId}:{person.MemberId}",
                person.Email, person.FullName, $"doradztwo dla JST {person.JstName}", new GroupKeys(AdvisorId: message.AdvisorId));
        }
    }
}

/// <summary>
/// A participant checked in at a conference gets its survey, once however many days they came. The event names no one
/// (a keyed hash); the registration's address comes from ConferenceRegistrationConfirmed, retried until it has arrived.
/// </summary>
public sealed class SurveyConferenceAttendedConsumer(NpgsqlDataSource dataSource, SurveyIssuing issuing) : InboxConsumer<ConferenceAttended>(dataSource)
{
    protected override async Task HandleAsync(ConferenceAttended message, DataSession session)
    {
        var person = await session.QuerySingleOrDefaultAsync<(string Email, string FullName)?>(
            "SELECT email, full_name FROM survey_conference_people WHERE registration_id = @RegistrationId", new { message.RegistrationId })
            ?? throw new InvalidOperationException($"Registration {message.RegistrationId} is not known yet (ConferenceRegistrationConfirmed); retrying.");
        await session.ExecuteAsync("""
            INSERT INTO survey_conferences (id, title, starts_at) VALUES (@ConferenceId, @ConferenceTitle, @startsAt)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title
            """, new { message.ConferenceId, message.ConferenceTitle, startsAt = message.ConferenceStartsAt.ToUniversalTime() });
        await issuing.IssueAsync(session, SurveyOccasions.ConferenceAttended, $"{SurveyOccasions.ConferenceAttended}:{message.ConferenceId}:{message.RegistrationId}",
            person.Email, person.FullName, $"konferencja „{message.ConferenceTitle}”", new GroupKeys(ConferenceId: message.ConferenceId));
    }
}
