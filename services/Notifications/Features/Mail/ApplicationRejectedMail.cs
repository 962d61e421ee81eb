using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>The rejection, to the team's coordinator, with the reason the operator gave.</summary>
public static class ApplicationRejectedMail
{
    public const string Kind = "application-rejected";

    public static string Subject(ApplicationRejected rejected) => Letter.Subject("Wniosek odrzucony", rejected.JstName);

    public static RenderedMail Render(ApplicationRejected rejected) =>
        Letter.Render(Kind, Subject(rejected), rejected.Coordinator.FullName,
            $"Z przykrością informujemy, że {Letter.Application(rejected.JstName, rejected.RoundName)} został odrzucony.",
            $"Uzasadnienie operatora programu: {rejected.Reason}");
}
