using Cro.Contracts;
using Cro.Identity.Features.Audit;
using Cro.Identity.Features.PasswordReset;

namespace Cro.Identity.Pages.Konto;

/// <summary>
/// Asks for a password-reset link. The answer is the same whether or not the account exists, so the
/// page does not tell strangers who has an account.
/// </summary>
[AllowAnonymous]
public sealed class NiePamietamHaslaModel(UserManager<User> users, IdentityDb db, IConfiguration configuration, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { ErasedAt: null } && await users.HasPasswordAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var issuer = PublicAddress.Of(configuration, Request);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await transaction.EnqueueAsync(new PasswordResetRequested
            {
                UserId = user.Id,
                Email = user.Email!,
                FullName = user.FullName,
                ResetUrl = new Uri(issuer, $"konto/nowe-haslo?uzytkownik={user.Id}&token={Uri.EscapeDataString(token)}"),
                ExpiresAt = time.GetUtcNow() + PasswordResetLinks.Lifetime,
            }, ct);
            await audit.AppendAsync(AuditActions.PasswordResetRequested, user.Id, transaction: transaction.Npgsql(), ct: ct);
            await transaction.CommitAsync(ct);
        }
        Sent = true;
        return Page();
    }
}
