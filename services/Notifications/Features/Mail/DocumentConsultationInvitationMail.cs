using Cro.Notifications.Features.Delivery;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// ORE's invitation to comment on a draft version of one of the programme's documents (its concept, a training programme,
/// a material), without an account, through a personal link: what is consulted, until when, that every comment gets a
/// decision published with the next version, and that the link is personal. The token is derived here from the link's
/// id (<see cref="LinkTokens"/>): it is in the mail's body and nowhere else.
/// </summary>
public static class DocumentConsultationInvitationMail
{
    public const string Kind = "document-consultation-invitation";

    public static string Subject(DocumentConsultationInvitationMailRequested request) =>
        $"Zaproszenie do konsultacji: {request.DocumentTitle.Trim()} (wersja {request.Version})";

    public static RenderedMail Render(DocumentConsultationInvitationMailRequested request, LinkTokens tokens)
    {
        var subject = Subject(request);
        var link = tokens.AddressOf(request.FormUrl, request.LinkId);
        var whom = request.Audience switch
        {
            "workshop" when !string.IsNullOrWhiteSpace(request.Workshop) => $"jako uczestnika warsztatu „{request.Workshop.Trim()}”",
            "partner" => "jako przedstawiciela stowarzyszenia partnerskiego programu",
            _ => "jako przedstawiciela samorządu (JST)",
        };
        var opening = $"Ośrodek Rozwoju Edukacji zaprasza Cię {whom} do konsultacji projektu wersji {request.Version} dokumentu "
            + $"„{request.DocumentTitle.Trim()}” programu Cyfrowy Rozwój Oświaty (CRO).";
        return ConsultationInvitationLayout.Render(Kind, subject, link, request.OpensOn, request.ClosesOn, new(
            Opening: opening,
            How: "Link otwiera dokument podzielony na sekcje, bez zakładania konta. Uwagę zgłaszasz do wybranej sekcji.",
            LinkText: "Otwórz dokument i zgłoś uwagi",
            Answers: "ORE rozstrzygnie każdą uwagę (uwzględniona, częściowo, nieuwzględniona – z uzasadnieniem) i opublikuje rozstrzygnięcia "
                + "w rejestrze zmian przy następnej wersji, bez Twojego imienia i adresu.",
            Private: "Link jest przeznaczony dla Ciebie – nie przekazuj go dalej."));
    }
}

/// <summary>Queues the invitation's mail in the inbox transaction; the invited person has no account: the mail is kept by the address alone.</summary>
public sealed class DocumentConsultationInvitationMailRequestedConsumer(NpgsqlDataSource dataSource, LinkTokens tokens)
    : SingleMailConsumer<DocumentConsultationInvitationMailRequested>(dataSource, _ => null, request => request.Email,
        request => DocumentConsultationInvitationMail.Render(request, tokens));
