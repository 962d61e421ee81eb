using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>The confirmation of a JST's withdrawal from a round, to its team's coordinator, with the reason if one was given.</summary>
public static class JstWithdrewMail
{
    public const string Kind = "jst-withdrew";

    public static string Subject(JstWithdrew withdrew) => Letter.Subject("Potwierdzenie rezygnacji", withdrew.JstName);

    public static TaskTeamMember Coordinator(JstWithdrew withdrew) => withdrew.Team.Coordinator(withdrew.ApplicationId);

    public static RenderedMail Render(JstWithdrew withdrew) =>
        Letter.Render(Kind, Subject(withdrew), Coordinator(withdrew).FullName,
            $"Potwierdzamy rezygnację JST {withdrew.JstName} z udziału w naborze „{withdrew.RoundName}” programu Cyfrowy Rozwój Oświaty (CRO), zgłoszoną {WarsawTime.InLetter(withdrew.WithdrewAt)}. Wniosek nie bierze już udziału w naborze.",
            string.IsNullOrWhiteSpace(withdrew.Reason) ? null : $"Podany powód rezygnacji: {withdrew.Reason}");
}
