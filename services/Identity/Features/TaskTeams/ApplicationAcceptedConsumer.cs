using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Identity.Data;
using Cro.Identity.Features.Audit;
using Cro.Identity.Features.Invitations;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using MassTransit;
using Microsoft.AspNetCore.Identity;

namespace Cro.Identity.Features.TaskTeams;

/// <summary>
/// A JST's application was accepted: every member of its task team gets an account for that JST
/// (the coordinator as jst-coordinator, the others as jst-member) and an invitation e-mail. A person who
/// already has an account gains the role and the JST, unless they act for another JST: a person belongs
/// to one JST at a time, so that is refused and recorded in the audit log for an operator to resolve.
/// </summary>
public sealed class ApplicationAcceptedConsumer(IdentityDb db, UserManager<User> users, AccountInvitations invitations, AuditLog audit,
    IConfiguration configuration, ILogger<ApplicationAcceptedConsumer> logger) : IConsumer<ApplicationAccepted>
{
    public async Task Consume(ConsumeContext<ApplicationAccepted> context)
    {
        var accepted = context.Message;
        var ct = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await Inbox.TryRecordAsync(transaction.Npgsql(), context.MessageId!.Value, nameof(ApplicationAcceptedConsumer), ct))
        {
            return;
        }
        foreach (var member in accepted.Team)
        {
            var role = member.IsCoordinator ? Roles.JstCoordinator : Roles.JstMember;
            var email = member.Email.Trim();
            var existing = await users.FindByEmailAsync(email);
            if (existing is null)
            {
                await invitations.InviteAsync(transaction, PublicAddress.Of(configuration), email, member.FullName.Trim(), role, accepted.JstTerc, ct);
            }
            else if (existing.JstTerc is null || existing.JstTerc == accepted.JstTerc)
            {
                var before = await users.GetRolesAsync(existing);
                existing.JstTerc = accepted.JstTerc;
                (await users.UpdateAsync(existing)).ThrowIfFailed();
                if (!before.Contains(role))
                {
                    (await users.AddToRoleAsync(existing, role)).ThrowIfFailed();
                }
                await audit.AppendAsync(AuditActions.RolesChanged, existing.Id, transaction: transaction.Npgsql(), ct: ct,
                    detail: new { rolesBefore = before.Order(), added = role, jstAfter = accepted.JstTerc, application = accepted.ApplicationId });
            }
            else
            {
                logger.LogWarning("Person {UserId} acts for JST {Current} and was not added to the team of JST {Accepted}.",
                    existing.Id, existing.JstTerc, accepted.JstTerc);
                await audit.AppendAsync(AuditActions.SecondJstRefused, existing.Id, transaction: transaction.Npgsql(), ct: ct,
                    detail: new { currentJst = existing.JstTerc, acceptedJst = accepted.JstTerc, application = accepted.ApplicationId });
            }
        }
        await transaction.CommitAsync(ct);
    }
}
