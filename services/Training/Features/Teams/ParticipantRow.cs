using Cro.Training.Features.Access;
using Dapper;

namespace Cro.Training.Features.Teams;

/// <summary>A participant as stored; what the API shows of them is <see cref="ParticipantView"/>.</summary>
public sealed record ParticipantRow(Guid Id, Guid ApplicationId, string JstTerc, string FullName, string Email, string Position, string Sex,
    bool IsCoordinator, DateTimeOffset EnrolledAt, DateTimeOffset? LeftAt)
{
    public const string Columns = "p.id, p.application_id, p.jst_terc, p.full_name, p.email, p.position, p.sex, p.is_coordinator, p.enrolled_at, p.left_at";

    /// <summary>The order a team's people are listed in: those still in it first, the coordinator before the others, then by name.</summary>
    public const string TeamOrder = "p.left_at NULLS FIRST, p.is_coordinator DESC, p.full_name";

    public ParticipantView ToView() => new(Id, FullName, Email, Position, Sex, IsCoordinator, EnrolledAt, LeftAt);

    /// <summary>
    /// The caller's own places in the programme: active participants of teams that have not withdrawn, with the
    /// caller's address, in the JST of their token. Runs under the caller's scope (their JST).
    /// </summary>
    public static async Task<IReadOnlyList<ParticipantRow>> MineAsync(DataSession session, Caller caller)
    {
        if (!caller.IsJstMember || caller.Email is null || caller.JstTerc is null)
        {
            return [];
        }
        return (await session.QueryAsync<ParticipantRow>($"""
            SELECT {Columns} FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE lower(p.email) = lower(@Email) AND p.jst_terc = @JstTerc AND p.left_at IS NULL AND t.withdrawn_at IS NULL
            """, caller)).AsList();
    }
}

public sealed record ParticipantView(Guid Id, string FullName, string Email, string Position, string Sex, bool IsCoordinator,
    DateTimeOffset EnrolledAt, DateTimeOffset? LeftAt);
