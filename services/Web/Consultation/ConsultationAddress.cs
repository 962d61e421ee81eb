namespace Cro.Web.Consultation;

/// <summary>
/// Where people without accounts meet a plan's consultation: its page <c>/konsultacje/{token}</c> (the public link and the
/// mailed invitations lead there; monitoring's invitation mail names the same path), and a JST's resolution log
/// <c>/plany/{terc}/konsultacje</c>.
/// </summary>
public static class ConsultationAddress
{
    public const string Route = "/konsultacje";

    public static string PathOf(string token) => $"{Route}/{Uri.EscapeDataString(token)}";

    public static string LogOf(string terc) => $"/plany/{Uri.EscapeDataString(terc)}/konsultacje";

    /// <summary>The team's page of its plan's consultation.</summary>
    public const string TeamPage = "/plan/konsultacje";
}
