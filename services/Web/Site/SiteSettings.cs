using System.Globalization;

namespace Cro.Web.Site;

/// <summary>
/// What the operator sets for the public site: the programme's helpdesk (Contact:Email, Contact:Phone), shown in
/// the footer and wherever a page sends people to ORE for help, and the dates of the accessibility statement
/// (AccessibilityStatement:PreparedOn, :ReviewedOn), which the law on digital accessibility requires it to give;
/// and the project's partner association (Project:Partner), named on "O projekcie" once the partnership is signed.
/// </summary>
public sealed record SiteSettings(OperatorContact Helpdesk, string Partner, DateOnly StatementPreparedOn, DateOnly StatementReviewedOn)
{
    public static SiteSettings From(IConfiguration configuration) => new(
        OperatorContact.From(configuration) is { Email: not null, Phone: not null } helpdesk
            ? helpdesk : throw new InvalidOperationException($"{OperatorContact.EmailSetting} and {OperatorContact.PhoneSetting} must be set."),
        Required(configuration, "Project:Partner"),
        DateOnly.Parse(Required(configuration, "AccessibilityStatement:PreparedOn"), CultureInfo.InvariantCulture),
        DateOnly.Parse(Required(configuration, "AccessibilityStatement:ReviewedOn"), CultureInfo.InvariantCulture));

    public string HelpdeskEmail => Helpdesk.Email!;
    public string HelpdeskPhone => Helpdesk.Phone!;

    /// <summary>The phone number as a tel: link wants it (digits and a leading +).</summary>
    public string HelpdeskPhoneLink => "tel:" + new string(HelpdeskPhone.Where(c => char.IsDigit(c) || c == '+').ToArray());

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{key} is not set.");
}
