namespace Cro.Identity.Pages.Konto;

/// <summary>What the sign-in pages say, the same on the password step and the code step.</summary>
internal static class SignInMessages
{
    public static string LockedOut => Text.Pick("Konto jest zablokowane na 15 minut po kolejnych nieudanych próbach logowania.",
        "The account is locked for 15 minutes after repeated failed sign-ins.");
}
