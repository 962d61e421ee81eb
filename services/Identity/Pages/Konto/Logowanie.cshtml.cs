using Cro.Identity.Data;
using Cro.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cro.Identity.Pages.Konto;

/// <summary>Sign-in with e-mail and password; five failures lock the account for 15 minutes.</summary>
[AllowAnonymous]
public sealed class LogowanieModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
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
            Error = WrongCredentials;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        Error = result.IsLockedOut
            ? Text.Pick("Konto jest zablokowane na 15 minut po kolejnych nieudanych próbach logowania.",
                "The account is locked for 15 minutes after repeated failed sign-ins.")
            : result.IsNotAllowed
                ? Text.Pick("To konto nie może się jeszcze zalogować: najpierw przyjmij zaproszenie z wiadomości e-mail.",
                    "This account cannot sign in yet: first accept the invitation from the e-mail.")
                : WrongCredentials;
        return Page();
    }

    private static string WrongCredentials => Text.Pick("Nieprawidłowy adres e-mail lub hasło.", "Wrong e-mail address or password.");
}
