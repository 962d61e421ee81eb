using Cro.Training.Features.Attendance;
using Cro.Training.Features.Validation;

namespace Cro.Training.Features.Progress;

/// <summary>A module as a participant stands in it. Scores are per cent to two decimals; the post-test score is the best attempt's.</summary>
public sealed record ModuleStanding(string ModuleCode, string Title, decimal ModuleHours, decimal AttendedHours, decimal AttendancePercent,
    bool AttendanceMet, decimal? PreTestScore, decimal? PostTestScore, int PostTestAttempts, bool Validated, bool Raised, bool Complete);

public sealed record ParticipantStanding(Guid ParticipantId, Guid ApplicationId, string FullName, string JstTerc, string JstName, string Sex,
    DateTimeOffset? LeftAt, IReadOnlyList<ModuleStanding> Modules, bool TrainingComplete, Guid? CertificateId, string? CertificateNumber);

/// <summary>The rules a cohort follows: those of its programme version.</summary>
public sealed record CohortRules(Guid CohortId, string CohortName, int ProgrammeVersion, decimal PostTestThreshold, decimal AttendanceThreshold,
    IReadOnlyList<ModuleRule> Modules);

public sealed record ModuleRule(string Code, string Title, decimal Hours);

/// <summary>
/// Computes where participants stand, from what is recorded: present hours per module, finished test attempts,
/// the cohort's rules, valid certificates. Runs under the caller's scope: people of JST out of it are not there.
/// </summary>
internal static class Standings
{
    private sealed record Person(Guid ParticipantId, Guid ApplicationId, string FullName, string JstTerc, string JstName, string Sex, DateTimeOffset? LeftAt);

    private sealed record Hours(Guid ParticipantId, string ModuleCode, decimal Total);

    private sealed record Attempt(Guid ParticipantId, string ModuleCode, string Kind, int Points, int MaxPoints);

    private sealed record Certificate(Guid ParticipantId, Guid Id, string Number);

    private sealed record RulesRow(Guid CohortId, string CohortName, int ProgrammeVersion, decimal PostTestThreshold, decimal AttendanceThreshold);

    public static async Task<CohortRules?> RulesAsync(DataSession session, Guid cohortId)
    {
        var rules = await session.QuerySingleOrDefaultAsync<RulesRow>("""
            SELECT c.id AS cohort_id, c.name AS cohort_name, c.programme_version, v.post_test_threshold, v.attendance_threshold
            FROM cohorts c JOIN programme_versions v ON v.version = c.programme_version WHERE c.id = @cohortId
            """, new { cohortId });
        if (rules is null)
        {
            return null;
        }
        var modules = await session.QueryAsync<ModuleRule>(
            "SELECT code, title, hours FROM programme_modules WHERE version = @ProgrammeVersion ORDER BY ordinal", new { rules.ProgrammeVersion });
        return new CohortRules(rules.CohortId, rules.CohortName, rules.ProgrammeVersion, rules.PostTestThreshold, rules.AttendanceThreshold, [.. modules]);
    }

    /// <summary>
    /// The participants of the cohort (or only <paramref name="participantId"/>) with their standing in each module. Their
    /// attendance, attempts and certificate count wherever they happened: a team moved between cohorts keeps its history.
    /// </summary>
    public static async Task<IReadOnlyList<ParticipantStanding>> ReadAsync(DataSession session, CohortRules rules, Guid? participantId)
    {
        var parameters = new { rules.CohortId, participantId, present = AttendanceStatus.Present };
        var people = await session.QueryAsync<Person>("""
            SELECT p.id AS participant_id, p.application_id, p.full_name, p.jst_terc, t.jst_name, p.sex, p.left_at
            FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE t.cohort_id = @CohortId AND (@participantId::uuid IS NULL OR p.id = @participantId)
            ORDER BY t.jst_name, p.full_name, p.id
            """, parameters);
        var hours = (await session.QueryAsync<Hours>("""
            SELECT a.participant_id, s.module_code, sum(s.hours) AS total FROM attendance a JOIN sessions s ON s.id = a.session_id
            WHERE a.participant_id IN (SELECT p.id FROM participants p JOIN teams t ON t.application_id = p.application_id WHERE t.cohort_id = @CohortId)
              AND a.status = @present AND s.cancelled_at IS NULL AND (@participantId::uuid IS NULL OR a.participant_id = @participantId)
            GROUP BY a.participant_id, s.module_code
            """, parameters)).ToDictionary(h => (h.ParticipantId, h.ModuleCode), h => h.Total);
        var attempts = (await session.QueryAsync<Attempt>("""
            SELECT participant_id, module_code, kind, points, max_points FROM attempts
            WHERE participant_id IN (SELECT p.id FROM participants p JOIN teams t ON t.application_id = p.application_id WHERE t.cohort_id = @CohortId)
              AND finished_at IS NOT NULL AND (@participantId::uuid IS NULL OR participant_id = @participantId)
            """, parameters)).ToLookup(a => (a.ParticipantId, a.ModuleCode));
        var certificates = (await session.QueryAsync<Certificate>("""
            SELECT participant_id, id, number FROM certificates
            WHERE participant_id IN (SELECT p.id FROM participants p JOIN teams t ON t.application_id = p.application_id WHERE t.cohort_id = @CohortId)
              AND revoked_at IS NULL AND (@participantId::uuid IS NULL OR participant_id = @participantId)
            """, parameters)).ToDictionary(c => c.ParticipantId);
        return [.. people.Select(p =>
        {
            var modules = rules.Modules.Select(m => Module(rules, m, hours.GetValueOrDefault((p.ParticipantId, m.Code)), attempts[(p.ParticipantId, m.Code)])).ToList();
            var certificate = certificates.GetValueOrDefault(p.ParticipantId);
            return new ParticipantStanding(p.ParticipantId, p.ApplicationId, p.FullName, p.JstTerc, p.JstName, p.Sex, p.LeftAt, modules,
                modules.Count > 0 && modules.All(m => m.Complete), certificate?.Id, certificate?.Number);
        })];
    }

    /// <summary>The rules and standing of one participant, whose row is locked for the rest of the transaction; null when not in a cohort.</summary>
    public static async Task<(CohortRules Rules, ParticipantStanding Standing)?> ForParticipantAsync(DataSession session, Guid participantId)
    {
        // Locked, so two recomputations for one person (a mark and a post-test at once) run one after the other.
        var cohortId = await session.QuerySingleOrDefaultAsync<Guid?>("""
            SELECT t.cohort_id FROM participants p JOIN teams t ON t.application_id = p.application_id WHERE p.id = @participantId FOR UPDATE OF p
            """, new { participantId });
        if (cohortId is null || await RulesAsync(session, cohortId.Value) is not { } rules)
        {
            return null;
        }
        var standing = (await ReadAsync(session, rules, participantId)).SingleOrDefault();
        return standing is null ? null : (rules, standing);
    }

    private static ModuleStanding Module(CohortRules rules, ModuleRule module, decimal attended, IEnumerable<Attempt> attempts)
    {
        var pre = attempts.Where(a => a.Kind == TestKind.Pre).Select(a => (decimal?)AttemptScoring.Ratio(a.Points, a.MaxPoints)).FirstOrDefault();
        var posts = attempts.Where(a => a.Kind == TestKind.Post).Select(a => AttemptScoring.Ratio(a.Points, a.MaxPoints)).ToList();
        decimal? best = posts.Count == 0 ? null : posts.Max();
        var validated = CompletionRule.Validated(best, rules.PostTestThreshold);
        var attendanceMet = CompletionRule.AttendanceMet(attended, module.Hours, rules.AttendanceThreshold);
        return new ModuleStanding(module.Code, module.Title, module.Hours, attended, Round(attended * 100m / module.Hours), attendanceMet,
            pre is { } p ? Round(p) : null, best is { } b ? Round(b) : null, posts.Count, validated, CompletionRule.Raised(validated, pre, best),
            attendanceMet && validated);
    }

    private static decimal Round(decimal percent) => Math.Round(percent, 2, MidpointRounding.AwayFromZero);
}
