using Microsoft.Extensions.Configuration;

namespace Cro.ServiceDefaults;

/// <summary>
/// The programme operator's helpdesk, from the settings <c>Contact:Email</c> and <c>Contact:Phone</c>
/// (the same the site's footer shows): where a person is sent when the platform cannot help them itself
/// (a JST that already applied, an invitation they did not expect).
/// </summary>
public sealed record OperatorContact(string? Email, string? Phone)
{
    public const string EmailSetting = "Contact:Email";
    public const string PhoneSetting = "Contact:Phone";

    public static OperatorContact From(IConfiguration configuration) =>
        new(Blank(configuration[EmailSetting]), Blank(configuration[PhoneSetting]));

    public bool IsKnown => Email is not null || Phone is not null;

    /// <summary>"e-mail pomoc@…, tel. +48 …" (or the one that is set); empty when neither is.</summary>
    public string Means => string.Join(", ", new[]
    {
        Email is null ? null : $"e-mail {Email}",
        Phone is null ? null : Text.Pick($"tel. {Phone}", $"phone {Phone}"),
    }.Where(part => part is not null));

    /// <summary>A whole sentence for a page or a mail, in the reader's language.</summary>
    public string Sentence => IsKnown
        ? Text.Pick($"Kontakt z operatorem programu: {Means}.", $"To contact the programme's operator: {Means}.")
        : Text.Pick("Skontaktuj się z operatorem programu.", "Contact the programme's operator.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
