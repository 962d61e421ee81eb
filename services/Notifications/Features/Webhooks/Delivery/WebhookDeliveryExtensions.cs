namespace Cro.Notifications.Features.Webhooks.Delivery;

public static class WebhookDeliveryExtensions
{
    /// <summary>The webhook sender, configured from section <c>Webhooks</c>, running unless <see cref="WebhookOptions.SenderEnabled"/> is off.</summary>
    public static IHostApplicationBuilder AddWebhookDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks")
            .Validate(o => o.BatchSize > 0 && o.Timeout > TimeSpan.Zero && o.Lease > o.Timeout, "Webhooks: BatchSize and Timeout must be positive, Lease longer than Timeout.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WebhookSender>();
        if (builder.Configuration.GetValue("Webhooks:SenderEnabled", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<WebhookSender>());
        }
        return builder;
    }
}
