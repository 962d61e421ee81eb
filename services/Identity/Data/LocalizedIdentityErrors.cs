namespace Cro.Identity.Data;

/// <summary>The Identity messages people meet when choosing a password or an address, in Polish (or English).</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = Text.Pick($"Hasło musi mieć co najmniej {length} znaków.", $"The password must have at least {length} characters."),
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = Text.Pick($"Konto z adresem {email} już istnieje.", $"An account with the address {email} exists."),
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = Text.Pick("Łącze jest nieprawidłowe, wygasło albo zostało już użyte.", "The link is invalid, has expired or was already used."),
    };

    public override IdentityError UserAlreadyHasPassword() => new()
    {
        Code = nameof(UserAlreadyHasPassword),
        Description = Text.Pick("Zaproszenie zostało już przyjęte. Zaloguj się.", "The invitation was already accepted. Sign in."),
    };
}
