using Cro.Identity.Features.Audit;
using Cro.Identity.Features.TwoFactor;

namespace Cro.Identity.Pages.Konto;

/// <summary>
/// Setting up and managing two-factor sign-in with an authenticator app. Two ways in: a signed-in
/// person managing their account, or an administrator or operator between password and first code,
/// who must set it up before the sign-in completes.
/// </summary>
[AllowAnonymous]
public sealed class WeryfikacjaDwuetapowaModel(UserManager<User> users, SignInManager<User> signIn, AuditLog audit) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public User Person { get; private set; } = null!;
    public bool DuringSignIn { get; private set; }
    public bool Required { get; private set; }
    public AuthenticatorEnrolment? Enrolment { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return ToSignIn();
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (!await LoadAsync())
        {
            return ToSignIn();
        }
        if (Person.TwoFactorEnabled)
        {
            return await ShowAsync();
        }
        var code = AuthenticatorEnrolment.Normalise(Code);
        if (!await users.VerifyTwoFactorTokenAsync(Person, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = Text.Pick("Kod się nie zgadza. Sprawdź, czy czas w telefonie jest ustawiony automatycznie, i wpisz aktualny kod.",
                "The code does not match. Check that the phone sets its clock automatically, and enter the current code.");
            return await ShowAsync();
        }
        await users.SetTwoFactorEnabledAsync(Person, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(Person, 10) ?? []];
        await audit.AppendAsync(AuditActions.TwoFactorEnabled, Person.Id, actorId: Person.Id);
        if (DuringSignIn)
        {
            await SecondFactor.CompleteAsync(HttpContext, signIn, Person);
            await audit.AppendAsync(AuditActions.SignInSucceeded, Person.Id, actorId: Person.Id, detail: new { method = "password+totp" });
        }
        else
        {
            await signIn.RefreshSignInAsync(Person);
        }
        Message = Text.Pick("Weryfikacja dwuetapowa jest włączona.", "Two-factor sign-in is on.");
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (!await LoadAsync() || DuringSignIn || !Person.TwoFactorEnabled)
        {
            return ToSignIn();
        }
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(Person, 10) ?? []];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await LoadAsync() || DuringSignIn)
        {
            return ToSignIn();
        }
        if (Required)
        {
            Error = Text.Pick("Administratorzy i operatorzy nie mogą wyłączyć weryfikacji dwuetapowej.",
                "Administrators and operators cannot turn two-factor sign-in off.");
            return await ShowAsync();
        }
        await users.SetTwoFactorEnabledAsync(Person, false);
        await users.ResetAuthenticatorKeyAsync(Person);
        await signIn.RefreshSignInAsync(Person);
        await audit.AppendAsync(AuditActions.TwoFactorDisabled, Person.Id, actorId: Person.Id);
        Message = Text.Pick("Weryfikacja dwuetapowa jest wyłączona.", "Two-factor sign-in is off.");
        return await ShowAsync();
    }

    private async Task<bool> LoadAsync()
    {
        var person = User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        if (person is null)
        {
            // Between password and code: only someone who still has to set the second factor up.
            person = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (person is null || person.TwoFactorEnabled)
            {
                return false;
            }
            DuringSignIn = true;
        }
        Person = person;
        Required = await TwoFactorRules.IsRequiredAsync(users, person);
        return true;
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (Person.TwoFactorEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(Person);
        }
        else
        {
            Enrolment = await AuthenticatorEnrolment.ForAsync(users, Person);
        }
        return Page();
    }

    private IActionResult ToSignIn() =>
        RedirectToPage("Logowanie", new { ReturnUrl = Url.Page("WeryfikacjaDwuetapowa", new { ReturnUrl }) });
}
