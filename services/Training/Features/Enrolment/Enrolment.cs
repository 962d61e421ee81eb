using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;
using Npgsql;

namespace Cro.Training.Features.Enrolment;

/// <summary>
/// Accepted teams and their people enter the training: the team waits to be placed in a cohort, and each
/// person newly enrolled is announced with <see cref="ParticipantEnrolled"/> through the outbox, in the
/// transaction that enrols them. Enrolling someone twice (a redelivery) changes nothing.
/// </summary>
internal static class Enrolment
{
    public sealed record Team(Guid ApplicationId, Guid RoundId, string? RoundName, string JstTerc, string JstName);

    private sealed record Enrolled(Guid Id, string FullName, string Email, string Sex, bool IsCoordinator, DateTime EnrolledAt);

    /// <summary>Records the team (its names refreshed when known again); <paramref name="acceptedAt"/> is set once.</summary>
    public static Task EnsureTeamAsync(NpgsqlTransaction transaction, Team team, DateTimeOffset? acceptedAt, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO teams (application_id, round_id, round_name, jst_terc, jst_name, accepted_at)
            VALUES (@ApplicationId, @RoundId, @RoundName, @JstTerc, @JstName, @acceptedAt)
            ON CONFLICT (application_id) DO UPDATE SET
                round_name = coalesce(excluded.round_name, teams.round_name),
                jst_name = excluded.jst_name,
                accepted_at = coalesce(teams.accepted_at, excluded.accepted_at)
            """, new { team.ApplicationId, team.RoundId, team.RoundName, team.JstTerc, team.JstName, acceptedAt = acceptedAt?.ToUniversalTime() },
            transaction, cancellationToken: ct));

    public static async Task EnrolAsync(NpgsqlTransaction transaction, Team team, IReadOnlyList<TaskTeamMember> members, DateTimeOffset at,
        CancellationToken ct)
    {
        var enrolled = (await transaction.Connection!.QueryAsync<Enrolled>(new CommandDefinition("""
            INSERT INTO participants (id, application_id, jst_terc, full_name, email, position, sex, is_coordinator, enrolled_at)
            SELECT m.id, @ApplicationId, @JstTerc, m.full_name, m.email, m.position, m.sex, m.is_coordinator, @at
            FROM unnest(@ids, @names, @emails, @positions, @sexes, @coordinators) AS m(id, full_name, email, position, sex, is_coordinator)
            ON CONFLICT (id) DO NOTHING
            RETURNING id, full_name, email, sex, is_coordinator, enrolled_at
            """, new
        {
            team.ApplicationId, team.JstTerc, at = at.ToUniversalTime(),
            ids = members.Select(m => m.MemberId).ToArray(),
            names = members.Select(m => m.FullName.Trim()).ToArray(),
            emails = members.Select(m => m.Email.Trim()).ToArray(),
            positions = members.Select(m => m.Position.Trim()).ToArray(),
            sexes = members.Select(m => m.Sex).ToArray(),
            coordinators = members.Select(m => m.IsCoordinator).ToArray(),
        }, transaction, cancellationToken: ct))).AsList();

        await transaction.EnqueueAsync([.. enrolled.Select(p => (IIntegrationEvent)new ParticipantEnrolled
        {
            ParticipantId = p.Id, ApplicationId = team.ApplicationId, RoundId = team.RoundId, JstTerc = team.JstTerc, JstName = team.JstName,
            FullName = p.FullName, Email = p.Email, Sex = p.Sex, IsCoordinator = p.IsCoordinator,
            EnrolledAt = new DateTimeOffset(DateTime.SpecifyKind(p.EnrolledAt, DateTimeKind.Utc)),
        })], ct);
    }

    public static Task<bool> TeamKnownAsync(NpgsqlTransaction transaction, Guid applicationId, CancellationToken ct) =>
        transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM teams WHERE application_id = @applicationId AND accepted_at IS NOT NULL)",
            new { applicationId }, transaction, cancellationToken: ct));
}

/// <summary>
/// An event about an accepted team arrived before the team's acceptance (queues of different events are not
/// ordered among themselves): failing hands the message to the retry, by which time the acceptance is in.
/// </summary>
public sealed class TeamNotYetAcceptedException(Guid applicationId)
    : Exception($"Application {applicationId} has not been seen accepted yet; the message is retried.");
