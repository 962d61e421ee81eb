namespace Cro.Notifications.Features.Mail;

/// <summary>What every mail shares: the HTML page around the content, and the signature in both parts.</summary>
internal static class MailLayout
{
    private const string Team = "Zespół programu Cyfrowy Rozwój Oświaty";
    private const string Automatic = "Ta wiadomość została wysłana automatycznie – prosimy na nią nie odpowiadać.";

    /// <summary>The page around <paramref name="content"/>, paragraphs already built with <see cref="Html.Escaped"/>.</summary>
    public static string HtmlPage(string subject, string content) =>
        Html.Escaped($"""
            <!DOCTYPE html>
            <html lang="pl">
            <head><meta charset="utf-8"><title>{subject}</title></head>
            <body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1b1b1b;">

            """)
        + content
        + Html.Escaped($"""

            <p>{Team}<br><small>{Automatic}</small></p>
            </body>
            </html>
            """);

    public static string TextPage(string content) => $"{content}\n\n-- \n{Team}\n{Automatic}\n";
}
