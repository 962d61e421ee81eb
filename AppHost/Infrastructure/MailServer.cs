using Microsoft.Extensions.Configuration;

namespace Cro.AppHost.Infrastructure;

public static class MailServer
{
    /// <summary>
    /// The SMTP server the notifications worker sends through: Mail:Smtp when given (an operator's
    /// server, or a test's in-process one), otherwise smtp4dev (a dotnet tool of this repository) as a
    /// resource, whose web UI shows every mail sent in a local run.
    /// </summary>
    public static string AddMailServer(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration["Mail:Smtp"] is { Length: > 0 } external)
        {
            return external;
        }
        var smtpPort = builder.Configuration.GetValue("Mail:DevSmtpPort", 2525);
        var webPort = builder.Configuration.GetValue("Mail:DevWebPort", 5081);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        builder.AddExecutable("mail", "dotnet", repositoryRoot,
                "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{webPort}", $"--smtpport={smtpPort}",
                "--imapport=0", "--pop3port=0", "--db=", "--nousersettings", "--hostname=localhost")
            .WithHttpEndpoint(name: "http", port: webPort, targetPort: webPort, isProxied: false);
        return $"smtp://127.0.0.1:{smtpPort}";
    }
}
