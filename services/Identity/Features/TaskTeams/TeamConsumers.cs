using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cro.Identity.Features.TaskTeams;

/// <summary>
/// Applies a task-team event to accounts once: the inbox row and the account changes share one
/// transaction (EF Core's, which the Identity stores use).
/// </summary>
public abstract class TeamConsumer<TEvent>(IdentityDb db) : IConsumer<TEvent> where TEvent : class
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var ct = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await Inbox.TryRecordAsync(transaction.Npgsql(), context.MessageId!.Value, GetType().Name, ct))
        {
            return;
        }
        await ApplyAsync(context.Message, transaction, ct);
        await transaction.CommitAsync(ct);
    }

    protected abstract Task ApplyAsync(TEvent message, IDbContextTransaction transaction, CancellationToken ct);
}

/// <summary>An accepted application: its whole team gets accounts.</summary>
public sealed class ApplicationAcceptedConsumer(IdentityDb db, TeamAccounts accounts) : TeamConsumer<ApplicationAccepted>(db)
{
    protected override async Task ApplyAsync(ApplicationAccepted accepted, IDbContextTransaction transaction, CancellationToken ct)
    {
        foreach (var member in accepted.Team)
        {
            await accounts.JoinAsync(transaction, accepted.JstTerc, accepted.JstName, InvitationOccasions.ApplicationAccepted,
                accepted.ApplicationId, member, ct);
        }
    }
}

public sealed class TeamMemberJoinedConsumer(IdentityDb db, TeamAccounts accounts) : TeamConsumer<TeamMemberJoined>(db)
{
    protected override Task ApplyAsync(TeamMemberJoined joined, IDbContextTransaction transaction, CancellationToken ct) =>
        accounts.JoinAsync(transaction, joined.JstTerc, joined.JstName, InvitationOccasions.TeamChange, joined.ApplicationId, joined.Member, ct);
}

public sealed class TeamMemberLeftConsumer(IdentityDb db, TeamAccounts accounts) : TeamConsumer<TeamMemberLeft>(db)
{
    protected override Task ApplyAsync(TeamMemberLeft left, IDbContextTransaction transaction, CancellationToken ct) =>
        accounts.LeaveAsync(transaction, left.JstTerc, left.Email, ct);
}

/// <summary>A JST withdrew: its people no longer act for it.</summary>
public sealed class JstWithdrewConsumer(IdentityDb db, TeamAccounts accounts) : TeamConsumer<JstWithdrew>(db)
{
    protected override async Task ApplyAsync(JstWithdrew withdrew, IDbContextTransaction transaction, CancellationToken ct)
    {
        if (!withdrew.HadPlace)
        {
            return;
        }
        foreach (var member in withdrew.Team)
        {
            await accounts.LeaveAsync(transaction, withdrew.JstTerc, member.Email, ct);
        }
    }
}
