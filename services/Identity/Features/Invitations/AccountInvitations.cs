using Cro.Contracts;
using Cro.Identity.Features.Audit;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cro.Identity.Features.Invitations;

/// <summary>
/// Creates an account by invitation: no password yet, the role (and JST), and InvitationIssued with the
/// link through the outbox, all in the caller's transaction. Used by operators' invitations and by the
/// acceptance of a JST's application.
/// </summary>
public sealed class AccountInvitations(UserManager<User> users, AuditLog audit, TimeProvider time)
{
    public async Task<(User User, DateTimeOffset ExpiresAt)> InviteAsync(IDbContextTransaction transaction, Uri publicAddress,
        string email, string fullName, string role, string? jstTerc, CancellationToken ct,
        string? jstName = null, string occasion = InvitationOccasions.ByPerson)
    {
        var user = new User { UserName = email, Email = email, FullName = fullName, JstTerc = jstTerc, CreatedAt = time.GetUtcNow() };
        (await users.CreateAsync(user)).ThrowIfFailed();
        (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var expiresAt = time.GetUtcNow() + InvitationTokenProvider.Lifetime;
        await transaction.EnqueueAsync(new InvitationIssued
        {
            UserId = user.Id,
            Email = email,
            FullName = fullName,
            Role = role,
            JstTerc = jstTerc,
            JstName = jstName,
            Occasion = occasion,
            AcceptUrl = new Uri(publicAddress, $"konto/zaproszenie?uzytkownik={user.Id}&token={Uri.EscapeDataString(token)}"),
            ExpiresAt = expiresAt,
        }, ct);
        await audit.AppendAsync(AuditActions.InvitationIssued, user.Id, detail: new { role, jst = jstTerc }, transaction: transaction.Npgsql(), ct: ct);
        return (user, expiresAt);
    }
}
