using Cro.Identity.Features.Audit;

namespace Cro.Identity.Pages.Konto;

/// <summary>The page a password-reset e-mail links to. A used or expired link is refused.</summary>
[AllowAnonymous]
public sealed class NoweHasloModel(UserManager<User> users, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Uzytkownik { get; set; }
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirmation { get; set; } = "";

    public bool LinkValid { get; private set; }
    public bool Changed { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => LinkValid = await UserWithValidLinkAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await UserWithValidLinkAsync();
        LinkValid = user is not null;
        if (user is null)
        {
            return Page();
        }
        if (Password != Confirmation)
        {
            Errors.Add(Text.Pick("Hasła się różnią.", "The passwords differ."));
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Password);
        Errors.AddRange(result.Errors.Select(e => e.Description));
        Changed = result.Succeeded;
        if (result.Succeeded)
        {
            // A forgotten password should not stay locked out by the attempts that preceded the reset.
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            await audit.AppendAsync(AuditActions.PasswordReset, user.Id, actorId: user.Id);
        }
        return Page();
    }

    private async Task<User?> UserWithValidLinkAsync()
    {
        var user = await users.FindByIdAsync(Uzytkownik.ToString());
        if (user is null || user.ErasedAt is not null || !await users.VerifyUserTokenAsync(user,
                users.Options.Tokens.PasswordResetTokenProvider, UserManager<User>.ResetPasswordTokenPurpose, Token))
        {
            Errors.Add(Text.Pick("Łącze jest nieprawidłowe, wygasło albo zostało już użyte. Poproś o nowe.",
                "The link is invalid, has expired or was already used. Ask for a new one."));
            return null;
        }
        return user;
    }
}
