namespace Cro.Monitoring.Features.Training;

/// <summary>
/// Keeps each person's standing validation per module of their cohort (the latest event: a second post-test
/// attempt may validate what the first did not). A person counts for the result indicator while any of their
/// modules stands as raised.
/// </summary>
public sealed class CompetenceValidatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<CompetenceValidated>(dataSource)
{
    protected override Task HandleAsync(CompetenceValidated message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO training_competence (participant_id, cohort_id, module_code, jst_terc, sex, validated, raised, validated_at)
            VALUES (@ParticipantId, @CohortId, @ModuleCode, @JstTerc, @Sex, @Validated, @Raised, @ValidatedAt)
            ON CONFLICT (participant_id, cohort_id, module_code) DO UPDATE
                SET validated = excluded.validated, raised = excluded.raised, validated_at = excluded.validated_at,
                    jst_terc = excluded.jst_terc, sex = excluded.sex
                WHERE training_competence.validated_at <= excluded.validated_at
            """, new
        {
            message.ParticipantId, message.CohortId, message.ModuleCode, message.JstTerc, message.Sex, message.Validated, message.Raised,
            ValidatedAt = message.ValidatedAt.ToUniversalTime(),
        });
}
