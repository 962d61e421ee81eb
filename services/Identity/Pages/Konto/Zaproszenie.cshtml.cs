using Cro.Identity.Features.Audit;
using Cro.Identity.Features.PersonalData;
using Cro.Identity.Features.Invitations;

namespace Cro.Identity.Pages.Konto;

/// <summary>
/// The page an invitation e-mail links to: the invitee sets a password, is signed in, and continues to
/// the web (which signs them in there through OpenID Connect, without asking again).
/// </summary>
[AllowAnonymous]
public sealed class ZaproszenieModel(UserManager<User> users, SignInManager<User> signIn, Consents consents, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Uzytkownik { get; set; }
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirmation { get; set; } = "";
    [BindProperty] public bool ClauseRead { get; set; }

    public User? Invitee { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => Invitee = await ValidInviteeAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Invitee = await ValidInviteeAsync();
        if (Invitee is null)
        {
            return Page();
        }
        if (Password != Confirmation)
        {
            Errors.Add(Text.Pick("Hasła się różnią.", "The passwords differ."));
        }
        if (!ClauseRead)
        {
            Errors.Add(Text.Pick("Potwierdź, że zapoznałeś(-aś) się z klauzulą informacyjną.", "Confirm that you have read the information clause."));
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var result = await users.AddPasswordAsync(Invitee, Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        // Setting the password renews the security stamp, so this link stops working now.
        Invitee.EmailConfirmed = true;
        await users.UpdateAsync(Invitee);
        await consents.RecordAsync(Invitee.Id, Consents.InformationClauseKind, InformationClause.Version, granted: true, HttpContext.RequestAborted);
        await audit.AppendAsync(AuditActions.InvitationAccepted, Invitee.Id, actorId: Invitee.Id);
        await audit.AppendAsync(AuditActions.ConsentRecorded, Invitee.Id, actorId: Invitee.Id,
            detail: new { kind = Consents.InformationClauseKind, version = InformationClause.Version });
        await signIn.SignInAsync(Invitee, isPersistent: false);
        return LocalRedirect("/logowanie?powrot=%2Fmoje-konto");
    }

    private async Task<User?> ValidInviteeAsync()
    {
        var user = await users.FindByIdAsync(Uzytkownik.ToString());
        if (user is null || user.ErasedAt is not null || await users.HasPasswordAsync(user)
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, Token))
        {
            Errors.Add(Text.Pick("Łącze jest nieprawidłowe, wygasło albo zostało już użyte. Poproś o nowe zaproszenie albo zaloguj się.",
                "The link is invalid, has expired or was already used. Ask for a new invitation, or sign in."));
            return null;
        }
        return user;
    }
}
