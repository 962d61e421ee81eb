using Cro.Identity.Features.Audit;
using Cro.Identity.Features.TwoFactor;

namespace Cro.Identity.Pages.Konto;

/// <summary>
/// Second step of sign-in: the six-digit code from the authenticator app, or one of the recovery
/// codes. Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[AllowAnonymous]
public sealed class LogowanieKodModel(SignInManager<User> signIn, AuditLog audit) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToPassword() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return BackToPassword();
        }
        var code = AuthenticatorEnrolment.Normalise(Code);
        var isTotp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = isTotp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.AppendAsync(AuditActions.SignInSucceeded, user.Id, actorId: user.Id,
                detail: new { method = isTotp ? "password+totp" : "password+recovery-code" });
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await audit.AppendAsync(AuditActions.LockedOut, user.Id);
            Error = SignInMessages.LockedOut;
            return Page();
        }
        await audit.AppendAsync(AuditActions.TwoFactorFailed, user.Id);
        Error = Text.Pick("Nieprawidłowy kod. Wpisz aktualny kod z aplikacji albo jeden z kodów odzyskiwania.",
            "Wrong code. Enter the current code from the app, or one of the recovery codes.");
        return Page();
    }

    private RedirectToPageResult BackToPassword() => RedirectToPage("Logowanie", new { ReturnUrl });
}
