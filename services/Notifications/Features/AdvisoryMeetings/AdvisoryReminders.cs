using Cro.Notifications.Features.Delivery;
using FluentValidation;

namespace Cro.Notifications.Features.AdvisoryMeetings;

public static class AdvisoryReminders
{
    /// <summary>
    /// The reminders of advisory meetings: their lead times (<see cref="AdvisoryReminderOptions"/>), <see cref="ReminderSender"/>
    /// (off with <c>Notifications:AdvisoryReminders:SenderEnabled=false</c>), and their state kept with their mail's.
    /// </summary>
    public static IHostApplicationBuilder AddAdvisoryReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdvisoryReminderOptions>().BindConfiguration(AdvisoryReminderOptions.Section)
            .Validate(options => options.LeadTimes.All(lead => lead > TimeSpan.Zero && lead <= TimeSpan.FromDays(30)),
                $"{AdvisoryReminderOptions.Section}:Offsets must be more than nothing and at most 30 days.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailOutcomeObserver, ReminderMailOutcome>();
        builder.Services.AddValidatorsFromAssemblyContaining<ReminderSender>();
        builder.Services.AddSingleton<ReminderSender>();
        if (builder.Configuration.GetValue($"{AdvisoryReminderOptions.Section}:SenderEnabled", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<ReminderSender>());
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapAdvisoryReminders(this IEndpointRouteBuilder api) => api.MapMeetingReminders().MapFailedReminders().MapRetryReminder();
}
