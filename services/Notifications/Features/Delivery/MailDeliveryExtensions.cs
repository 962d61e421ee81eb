using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace Cro.Notifications.Features.Delivery;

public static class MailDeliveryExtensions
{
    /// <summary>
    /// The SMTP server (<c>ConnectionStrings:smtp</c>), the mail options (<c>Mail:*</c>) and <see cref="MailSender"/>
    /// (off with <c>Mail:SenderEnabled=false</c>). The SMTP server is deliberately not part of readiness:
    /// while it is away, mail waits in outgoing_mail and the worker keeps taking events.
    /// </summary>
    public static IHostApplicationBuilder AddMailDelivery(this IHostApplicationBuilder builder)
    {
        var smtp = SmtpEndpoint.Parse(builder.Configuration.GetConnectionString("smtp")
            ?? (BuildTimeDocument.IsGenerating ? "smtp://document-generator.invalid:25" : null)
            ?? throw new InvalidOperationException("ConnectionStrings:smtp is not configured."));

        builder.Services.AddSingleton(smtp);
        builder.Services.AddOptions<MailOptions>().BindConfiguration("Mail")
            .Validate(options => MailboxAddress.TryParse(options.From, out _), "Mail:From is not an e-mail address.")
            .Validate(options => options.BatchSize > 0 && options.MaxAttempts > 0, "Mail:BatchSize and Mail:MaxAttempts must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MailSender>();
        if (builder.Configuration.GetValue("Mail:SenderEnabled", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<MailSender>());
        }
        return builder;
    }
}
