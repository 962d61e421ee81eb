using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Training.Features.Attendance;
using Cro.Training.Features.Validation;

namespace Cro.Training.Features.Progress;

/// <summary>
/// Keeps a participant's completion in step with what is recorded, in the transaction that recorded it (an
/// attendance mark or correction, a finished post-test), and announces each change through the outbox: a
/// module newly complete (<see cref="ModuleCompleted"/>), a module no longer complete after a correction
/// (<see cref="ModuleCompletionRevoked"/>, revoking the certificate if there was one), and the training
/// complete (<see cref="TrainingCompleted"/>) with the certificate issued for it. The session's scope must
/// include the participant's JST. Attendance and validation call it through the interfaces they declare.
/// </summary>
internal sealed class ProgressLog : IPresenceObserver, IPostTestObserver
{
    /// <summary>A post-test attempt finished: the module's validation as it now stands, then the completion.</summary>
    public async Task PostTestFinishedAsync(DataSession session, Guid participantId, string moduleCode, DateTimeOffset now)
    {
        if (await Standings.ForParticipantAsync(session, participantId) is not { } found)
        {
            return;
        }
        var (rules, standing) = found;
        var module = standing.Modules.Single(m => m.ModuleCode == moduleCode);
        await session.EnqueueAsync(new CompetenceValidated
        {
            ParticipantId = standing.ParticipantId, ApplicationId = standing.ApplicationId, CohortId = rules.CohortId, JstTerc = standing.JstTerc,
            Sex = standing.Sex, ModuleCode = moduleCode, ProgrammeVersion = rules.ProgrammeVersion, PreTestTaken = module.PreTestScore is not null,
            PreTestScore = module.PreTestScore ?? 0m, PostTestScore = module.PostTestScore ?? 0m, PostTestAttempts = module.PostTestAttempts,
            Threshold = rules.PostTestThreshold, Validated = module.Validated, Raised = module.Raised, ValidatedAt = now,
        });
        await ApplyAsync(session, rules, standing, now);
    }

    /// <summary>Attendance of the participant changed: recomputes their completion.</summary>
    public async Task PresenceChangedAsync(DataSession session, Guid participantId, DateTimeOffset now)
    {
        if (await Standings.ForParticipantAsync(session, participantId) is { } found)
        {
            await ApplyAsync(session, found.Rules, found.Standing, now);
        }
    }

    private static async Task ApplyAsync(DataSession session, CohortRules rules, ParticipantStanding standing, DateTimeOffset now)
    {
        var recorded = (await session.QueryAsync<string>(
            "SELECT module_code FROM module_completions WHERE participant_id = @ParticipantId", new { standing.ParticipantId })).ToHashSet();
        var events = new List<IIntegrationEvent>();
        foreach (var module in standing.Modules)
        {
            if (module.Complete && !recorded.Contains(module.ModuleCode))
            {
                await session.ExecuteAsync("""
                    INSERT INTO module_completions (participant_id, module_code, cohort_id, jst_terc, completed_at)
                    VALUES (@ParticipantId, @ModuleCode, @CohortId, @JstTerc, @now)
                    """, new { standing.ParticipantId, module.ModuleCode, rules.CohortId, standing.JstTerc, now = now.ToUniversalTime() });
                events.Add(new ModuleCompleted
                {
                    ParticipantId = standing.ParticipantId, ApplicationId = standing.ApplicationId, CohortId = rules.CohortId, JstTerc = standing.JstTerc,
                    Sex = standing.Sex, ModuleCode = module.ModuleCode, ProgrammeVersion = rules.ProgrammeVersion, AttendedHours = module.AttendedHours,
                    ModuleHours = module.ModuleHours, PostTestScore = module.PostTestScore ?? 0m, CompletedAt = now,
                });
            }
            else if (!module.Complete && recorded.Contains(module.ModuleCode))
            {
                var revoked = await session.QuerySingleOrDefaultAsync<string>("""
                    DELETE FROM module_completions WHERE participant_id = @ParticipantId AND module_code = @ModuleCode;
                    UPDATE certificates SET revoked_at = @now WHERE participant_id = @ParticipantId AND revoked_at IS NULL RETURNING number;
                    """, new { standing.ParticipantId, module.ModuleCode, now = now.ToUniversalTime() });
                events.Add(new ModuleCompletionRevoked
                {
                    ParticipantId = standing.ParticipantId, CohortId = rules.CohortId, JstTerc = standing.JstTerc, Sex = standing.Sex,
                    ModuleCode = module.ModuleCode, AttendedHours = module.AttendedHours, ModuleHours = module.ModuleHours,
                    RevokedCertificateNumber = revoked, RevokedAt = now,
                });
                standing = standing with { CertificateId = null, CertificateNumber = null };
            }
        }
        if (standing.TrainingComplete && standing.CertificateNumber is null)
        {
            var (id, number) = await IssueCertificateAsync(session, rules, standing, now);
            events.Add(new TrainingCompleted
            {
                ParticipantId = standing.ParticipantId, ApplicationId = standing.ApplicationId, CohortId = rules.CohortId, JstTerc = standing.JstTerc,
                Sex = standing.Sex, ProgrammeVersion = rules.ProgrammeVersion, CertificateId = id, CertificateNumber = number, CompletedAt = now,
            });
        }
        await session.EnqueueAsync(events);
    }

    /// <summary>
    /// Issues the certificate (zaświadczenie) of completed training: a number people can read out and type,
    /// CRO/{year of issue}/{six digits}, unique because the digits come from one sequence.
    /// </summary>
    private static async Task<(Guid Id, string Number)> IssueCertificateAsync(DataSession session, CohortRules rules, ParticipantStanding standing,
        DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        var number = await session.QuerySingleAsync<string>("""
            INSERT INTO certificates (id, number, participant_id, cohort_id, jst_terc, jst_name, holder_name, programme_version, issued_at)
            VALUES (@id, 'CRO/' || @year || '/' || lpad(nextval('certificate_numbers')::text, 6, '0'), @ParticipantId, @CohortId, @JstTerc, @JstName,
                    @FullName, @ProgrammeVersion, @now)
            RETURNING number
            """, new
        {
            id, year = WarsawTime.InWarsaw(now).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), standing.ParticipantId, rules.CohortId,
            standing.JstTerc, standing.JstName, standing.FullName, rules.ProgrammeVersion, now = now.ToUniversalTime(),
        });
        return (id, number);
    }
}
