using System.Text.RegularExpressions;
using FluentValidation;

namespace Cro.ServiceDefaults;

/// <summary>
/// One rule for every e-mail address the platform takes (applications, invitations, trainers): an
/// address a mail server would deliver to, so a local part, one @ and a domain whose name has a dot
/// and a top-level part (anna.kowalska@example is refused; FluentValidation's EmailAddress() and the
/// browser's type="email" both accept it).
/// </summary>
public static partial class MailAddressRule
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less the angle brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>The same check for a form's input (the HTML <c>pattern</c> attribute); the service checks it in full.</summary>
    public const string HtmlPattern = @"[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[^@\s.]{2,}";

    public static bool IsDeliverable(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > MaxLength)
        {
            return false;
        }
        var at = address.LastIndexOf('@');
        if (at <= 0 || at > 64 || address.IndexOf('@') != at)
        {
            return false;
        }
        return LocalPart().IsMatch(address[..at]) && Domain().IsMatch(address[(at + 1)..]);
    }

    public static string Message => Text.Pick(
        "Podaj prawidłowy adres e-mail z pełną domeną, np. jan.kowalski@gmina.pl.",
        "Give a valid e-mail address with a full domain, e.g. jan.kowalski@gmina.pl.");

    /// <summary>The address as a mail server would take it; the message names the expected form.</summary>
    public static IRuleBuilderOptions<T, string> MailAddress<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(IsDeliverable).WithMessage(_ => Message);

    /// <summary>Dot-atoms of the characters RFC 5322 allows (and letters beyond ASCII, as SMTPUTF8 does); no leading, trailing or double dot.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex LocalPart();

    /// <summary>Two or more labels (letters, digits, inner hyphens, up to 63 each) ending in a top-level name of at least two letters (or an IDN xn-- label).</summary>
    [GeneratedRegex(@"^(?=.{4,253}$)([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(\p{L}{2,63}|xn--[a-zA-Z0-9-]{1,59})$")]
    private static partial Regex Domain();
}
