using Cro.Identity.Features.Audit;
using Cro.Identity.Features.TwoFactor;

namespace Cro.Identity.Pages.Konto;

/// <summary>
/// Sign-in with e-mail and password; five failures lock the account for 15 minutes. A person with
/// two-factor sign-in continues to the code page; an administrator or operator without it first sets
/// it up: the password alone never signs them in.
/// </summary>
[AllowAnonymous]
public sealed class LogowanieModel(SignInManager<User> signIn, UserManager<User> users, AuditLog audit) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null || user.ErasedAt is not null)
        {
            await audit.AppendAsync(AuditActions.SignInFailed, detail: new { reason = "unknown-account" });
            Error = WrongCredentials;
            return Page();
        }
        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (user.TwoFactorEnabled)
            {
                await SecondFactor.BeginAsync(HttpContext, user);
                return RedirectToPage("LogowanieKod", new { ReturnUrl });
            }
            if (await TwoFactorRules.IsRequiredAsync(users, user))
            {
                await SecondFactor.BeginAsync(HttpContext, user);
                return RedirectToPage("WeryfikacjaDwuetapowa", new { ReturnUrl });
            }
            await signIn.SignInAsync(user, isPersistent: false);
            await audit.AppendAsync(AuditActions.SignInSucceeded, user.Id, actorId: user.Id, detail: new { method = "password" });
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await audit.AppendAsync(AuditActions.LockedOut, user.Id);
            Error = SignInMessages.LockedOut;
            return Page();
        }
        await audit.AppendAsync(AuditActions.SignInFailed, user.Id, detail: new { reason = result.IsNotAllowed ? "not-allowed" : "wrong-password" });
        Error = result.IsNotAllowed
            ? Text.Pick("To konto nie może się jeszcze zalogować: najpierw przyjmij zaproszenie z wiadomości e-mail.",
                "This account cannot sign in yet: first accept the invitation from the e-mail.")
            : WrongCredentials;
        return Page();
    }

    private static string WrongCredentials => Text.Pick("Nieprawidłowy adres e-mail lub hasło.", "Wrong e-mail address or password.");
}
