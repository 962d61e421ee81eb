namespace Cro.Evaluation.Features.Surveys;

// The people surveys go to and the names results are shown by, kept from other services' events (no service reads
// another's tables). Each is an upsert, so a redelivered or replayed event changes nothing.

/// <summary>A task team's person enrolled in the training: who is asked after a module and at the end of advisory.</summary>
public sealed class SurveyParticipantEnrolledConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ParticipantEnrolled>(dataSource)
{
    protected override Task HandleAsync(ParticipantEnrolled message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO survey_team_people (member_id, application_id, jst_terc, full_name, email)
            VALUES (@ParticipantId, @ApplicationId, @JstTerc, @FullName, @Email)
            ON CONFLICT (member_id) DO UPDATE SET full_name = excluded.full_name, email = excluded.email
            WHERE survey_team_people.email NOT LIKE 'erased-%@invalid'
            """, message);
}

/// <summary>A person who joined a team later (replacing someone), asked at the end of advisory as the rest of the team is.</summary>
public sealed class SurveyTeamMemberJoinedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberJoined>(dataSource)
{
    protected override Task HandleAsync(TeamMemberJoined message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO survey_team_people (member_id, application_id, jst_terc, full_name, email)
            VALUES (@MemberId, @ApplicationId, @JstTerc, @FullName, @Email)
            ON CONFLICT (member_id) DO UPDATE SET left_at = NULL
            """, new { message.Member.MemberId, message.ApplicationId, message.JstTerc, message.Member.FullName, message.Member.Email });
}

/// <summary>A person who left the team is not asked about the advisory that ended after they left.</summary>
public sealed class SurveyTeamMemberLeftConsumer(NpgsqlDataSource dataSource) : InboxConsumer<TeamMemberLeft>(dataSource)
{
    protected override Task HandleAsync(TeamMemberLeft message, DataSession session) =>
        session.ExecuteAsync("UPDATE survey_team_people SET left_at = @LeftAt WHERE member_id = @MemberId",
            new { message.MemberId, LeftAt = message.LeftAt.ToUniversalTime() });
}

/// <summary>Module titles, cohort names and the trainers of each cohort's module, from the sessions training schedules.</summary>
public sealed class SurveySessionScheduledConsumer(NpgsqlDataSource dataSource) : InboxConsumer<SessionScheduled>(dataSource)
{
    protected override async Task HandleAsync(SessionScheduled message, DataSession session)
    {
        await session.ExecuteAsync("""
            INSERT INTO survey_modules (code, title) VALUES (@ModuleCode, @ModuleTitle) ON CONFLICT (code) DO UPDATE SET title = excluded.title;
            INSERT INTO survey_cohorts (id, name) VALUES (@CohortId, @CohortName) ON CONFLICT (id) DO UPDATE SET name = excluded.name;
            """, new { message.ModuleCode, message.ModuleTitle, message.CohortId, message.CohortName });
        foreach (var trainer in message.Attendees.Where(a => a.Role == "trainer"))
        {
            await session.ExecuteAsync("""
                WITH trainer AS (
                    INSERT INTO survey_trainers (id, email, full_name) VALUES (@id, lower(@Email), @FullName)
                    ON CONFLICT (email) DO UPDATE SET full_name = excluded.full_name
                    RETURNING id)
                INSERT INTO survey_cohort_trainers (cohort_id, module_code, trainer_id)
                SELECT @CohortId, @ModuleCode, id FROM trainer
                ON CONFLICT DO NOTHING
                """, new { id = Guid.CreateVersion7(), trainer.Email, trainer.FullName, message.CohortId, message.ModuleCode });
        }
    }
}

/// <summary>Advisors' names, for results per advisor.</summary>
public sealed class SurveyAdvisorAssignedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AdvisorAssigned>(dataSource)
{
    protected override Task HandleAsync(AdvisorAssigned message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO survey_advisors (id, email, full_name) VALUES (@AdvisorId, @AdvisorEmail, @AdvisorName)
            ON CONFLICT (id) DO UPDATE SET email = excluded.email, full_name = excluded.full_name
            """, message);
}

/// <summary>Conference participants holding a confirmed place: the address the survey after the conference goes to.</summary>
public sealed class SurveyConferenceRegistrationConfirmedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ConferenceRegistrationConfirmed>(dataSource)
{
    protected override Task HandleAsync(ConferenceRegistrationConfirmed message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO survey_conference_people (registration_id, conference_id, full_name, email)
            VALUES (@RegistrationId, @ConferenceId, @FullName, @Email)
            ON CONFLICT (registration_id) DO NOTHING;
            INSERT INTO survey_conferences (id, title, starts_at) VALUES (@ConferenceId, @ConferenceTitle, @StartsAt)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, starts_at = excluded.starts_at;
            """, new { message.RegistrationId, message.ConferenceId, message.FullName, message.Email, message.ConferenceTitle, StartsAt = message.StartsAt.ToUniversalTime() });
}

/// <summary>
/// The standing pre/post-test result of a participant in a module (the latest event wins), for the learning gain beside the
/// module's survey results.
/// </summary>
public sealed class SurveyCompetenceValidatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<CompetenceValidated>(dataSource)
{
    protected override Task HandleAsync(CompetenceValidated message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO survey_competence_results (participant_id, module_code, cohort_id, pre_test_taken, pre_test_score, post_test_score, raised, validated_at)
            VALUES (@ParticipantId, @ModuleCode, @CohortId, @PreTestTaken, @PreTestScore, @PostTestScore, @Raised, @ValidatedAt)
            ON CONFLICT (participant_id, module_code) DO UPDATE
            SET cohort_id = excluded.cohort_id, pre_test_taken = excluded.pre_test_taken, pre_test_score = excluded.pre_test_score,
                post_test_score = excluded.post_test_score, raised = excluded.raised, validated_at = excluded.validated_at
            WHERE survey_competence_results.validated_at <= excluded.validated_at
            """, new
        {
            message.ParticipantId, message.ModuleCode, message.CohortId, message.PreTestTaken, message.PreTestScore, message.PostTestScore,
            message.Raised, ValidatedAt = message.ValidatedAt.ToUniversalTime(),
        });
}

/// <summary>
/// Erasure (RODO art. 17): the person's addresses and names go from invitations and read models, and their survey mails
/// not yet handed to the broker are dropped. Answers name no one, so they stay as they are.
/// </summary>
public sealed class SurveyPersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override async Task HandleAsync(PersonErased message, DataSession session)
    {
        if (string.IsNullOrWhiteSpace(message.Email))
        {
            return;
        }
        await session.ExecuteAsync("""
            UPDATE survey_invitations SET email = 'erased-' || id || '@invalid', full_name = @erased, next_reminder_at = NULL
            WHERE lower(email) = lower(@email);
            UPDATE survey_team_people SET email = 'erased-' || member_id || '@invalid', full_name = @erased WHERE lower(email) = lower(@email);
            UPDATE survey_conference_people SET email = 'erased-' || registration_id || '@invalid', full_name = @erased WHERE lower(email) = lower(@email);
            UPDATE survey_trainers SET email = 'erased-' || id || '@invalid', full_name = @erased WHERE lower(email) = lower(@email);
            UPDATE survey_advisors SET email = 'erased-' || id || '@invalid', full_name = @erased WHERE lower(email) = lower(@email);
            """, new { email = message.Email.Trim(), erased = ErasedPerson.Name });
        await session.EraseAddressAsync<SurveyInvitationMailRequested>("email", message.Email);
    }
}
