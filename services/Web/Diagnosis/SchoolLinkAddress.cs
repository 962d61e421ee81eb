namespace Cro.Web.Diagnosis;

/// <summary>
/// Where a director opens a school's questionnaire: the web's page <c>/diagnoza/ankieta/{token}</c> at the public origin. The
/// service's answer names its API address (<c>/api/monitoring/public/questionnaires/{token}</c>), which the page calls; what the
/// team copies into its mail is this page, built from the token.
/// </summary>
public static class SchoolLinkAddress
{
    public const string Route = "/diagnoza/ankieta";

    public static string PathOf(string token) => $"{Route}/{Uri.EscapeDataString(token)}";

    public static string Of(string baseUri, string token) => new Uri(new Uri(baseUri), PathOf(token)).ToString();
}
