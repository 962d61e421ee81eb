namespace Cro.Identity.Features.Passwords;

/// <summary>
/// Refuses passwords that are easy to guess: those on zxcvbn's list of the 30,000 most common
/// passwords, dictionary words with predictable changes, keyboard walks, dates, and the person's own
/// name or e-mail address. Length alone is checked by Identity's own rule (12 characters).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    /// <summary>zxcvbn score 3: "safely unguessable", over 10⁸ guesses even offline-throttled.</summary>
    private const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var personal = new[] { user.Email, user.FullName }.OfType<string>()
            .SelectMany(text => text.Split([' ', '@', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, personal);
        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = Text.Pick(
                    "To hasło łatwo odgadnąć: jest popularne, zawiera Twoje imię, nazwisko lub adres albo przewidywalny wzór. Wybierz kilka niezwiązanych ze sobą słów.",
                    "This password is easy to guess: it is common, contains your name or address, or a predictable pattern. Choose a few unrelated words."),
            }));
    }
}
