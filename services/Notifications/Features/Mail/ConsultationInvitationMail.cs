using Cro.Notifications.Features.Delivery;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// An invitation from a JST's task team to comment on the draft of its strategic plan for the digitisation of schools,
/// without an account, through a personal link: what the plan is, until when comments are taken, that comments are
/// answered publicly with the adopted plan, and that the link is personal. The token is derived here from the link's id
/// (<see cref="LinkTokens"/>), as for a school director's link: it is in the mail's body and nowhere else.
/// </summary>
public static class ConsultationInvitationMail
{
    public const string Kind = "consultation-invitation";

    private static string Jst(ConsultationInvitationMailRequested request) =>
        string.IsNullOrWhiteSpace(request.JstName) ? $"JST o kodzie TERC {request.JstTerc}" : $"JST {request.JstName.Trim()}";

    public static string Subject(ConsultationInvitationMailRequested request) => $"Zaproszenie do konsultacji planu cyfryzacji szkół — {Jst(request)}";

    public static RenderedMail Render(ConsultationInvitationMailRequested request, LinkTokens tokens)
    {
        var subject = Subject(request);
        var link = tokens.AddressOf(request.FormUrl, request.LinkId);
        var jst = Jst(request);
        var opening = $"Zespół zadaniowy {jst} przygotował w programie Cyfrowy Rozwój Oświaty (CRO) projekt lokalnego planu cyfryzacji szkół "
            + "(priorytety, cele, działania z harmonogramem i budżetem) i zaprasza Cię do zgłoszenia uwag.";
        return ConsultationInvitationLayout.Render(Kind, subject, link, request.OpensOn, request.ClosesOn, new(
            Opening: opening,
            How: "Link otwiera projekt planu bez zakładania konta. Możesz zgłosić uwagę do całego planu albo do wybranego priorytetu lub działania; "
                + "imię i nazwisko podajesz tylko, jeśli chcesz.",
            LinkText: "Otwórz projekt planu i zgłoś uwagi",
            Answers: "Zespół odpowie na każdą uwagę, a rozstrzygnięcia opublikuje razem z przyjętym planem.",
            Private: "Link jest przeznaczony dla Ciebie – nie przekazuj go dalej. Jeśli ktoś jeszcze chce zgłosić uwagi, poproś zespół JST o publiczny link do konsultacji."));
    }
}

/// <summary>
/// Queues the invitation's mail in the inbox transaction; <see cref="MailSender"/> delivers it. The invited person has no
/// account: the mail is kept by the address alone (export and erasure find it by the address).
/// </summary>
public sealed class ConsultationInvitationMailRequestedConsumer(NpgsqlDataSource dataSource, LinkTokens tokens)
    : SingleMailConsumer<ConsultationInvitationMailRequested>(dataSource, _ => null, request => request.Email,
        request => ConsultationInvitationMail.Render(request, tokens));
