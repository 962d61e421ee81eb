using Cro.Contracts;
using Cro.Identity.Features.Audit;
using Cro.Identity.Features.Invitations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cro.Identity.Features.TaskTeams;

/// <summary>
/// Accounts follow a JST's task team. A person who joins gets an account for the JST (the coordinator
/// as jst-coordinator, the others as jst-member) by invitation; one who already has an account gains the
/// role and the JST, unless they act for another JST: a person belongs to one JST at a time, so that is
/// refused and recorded for an operator to resolve. A person who leaves loses the JST and its roles.
/// </summary>
public sealed class TeamAccounts(UserManager<User> users, AccountInvitations invitations, AuditLog audit, IConfiguration configuration,
    ILogger<TeamAccounts> logger)
{
    /// <param name="occasion">Why the person joins (<see cref="InvitationOccasions"/>): the invitation mail says it.</param>
    public async Task JoinAsync(IDbContextTransaction transaction, string jstTerc, string jstName, string occasion, Guid applicationId,
        TaskTeamMember member, CancellationToken ct)
    {
        var role = member.IsCoordinator ? Roles.JstCoordinator : Roles.JstMember;
        var email = member.Email.Trim();
        if (await users.FindByEmailAsync(email) is not { } existing)
        {
            await invitations.InviteAsync(transaction, PublicAddress.Of(configuration), email, member.FullName.Trim(), role, jstTerc, ct,
                jstName, occasion);
        }
        else if (existing.JstTerc is null || existing.JstTerc == jstTerc)
        {
            var before = await users.GetRolesAsync(existing);
            existing.JstTerc = jstTerc;
            (await users.UpdateAsync(existing)).ThrowIfFailed();
            if (!before.Contains(role))
            {
                (await users.AddToRoleAsync(existing, role)).ThrowIfFailed();
            }
            await audit.AppendAsync(AuditActions.RolesChanged, existing.Id, transaction: transaction.Npgsql(), ct: ct,
                detail: new { rolesBefore = before.Order(), added = role, jstAfter = jstTerc, application = applicationId });
        }
        else
        {
            logger.LogWarning("Person {UserId} acts for JST {Current} and was not added to the team of JST {Joined}.", existing.Id, existing.JstTerc, jstTerc);
            await audit.AppendAsync(AuditActions.SecondJstRefused, existing.Id, transaction: transaction.Npgsql(), ct: ct,
                detail: new { currentJst = existing.JstTerc, refusedJst = jstTerc, application = applicationId });
        }
    }

    public async Task LeaveAsync(IDbContextTransaction transaction, string jstTerc, string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.JstTerc != jstTerc)
        {
            return;
        }
        var before = await users.GetRolesAsync(user);
        user.JstTerc = null;
        (await users.UpdateAsync(user)).ThrowIfFailed();
        (await users.RemoveFromRolesAsync(user, before.Intersect(Roles.OfJst))).ThrowIfFailed();
        // A new security stamp ends the person's sessions, so the JST leaves their next token too.
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        await audit.AppendAsync(AuditActions.RolesChanged, user.Id, transaction: transaction.Npgsql(), ct: ct,
            detail: new { rolesBefore = before.Order(), removed = before.Intersect(Roles.OfJst), jstBefore = jstTerc, jstAfter = (string?)null });
    }
}
