using Cro.ServiceDefaults.Security;
using static Cro.Notifications.Features.Webhooks.Catalogue.WebhookEventTypes;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>Recruitment's events for the partner (scope recruitment.read): applications and their decisions, withdrawals.</summary>
public static class RecruitmentWebhooks
{
    /// <summary>A JST's application in a round.</summary>
    /// <param name="TeamSize">How many people the task team names (who they are: GET /api/recruitment/… with the token).</param>
    public sealed record ApplicationSubmittedData(Guid ApplicationId, Guid RoundId, string JstTerc, string JstKind, string VoivodeshipTerc,
        int Score, int TeamSize);

    public sealed record ApplicationAcceptedData(Guid ApplicationId, Guid RoundId, string JstTerc, string JstKind, string VoivodeshipTerc,
        int Score, bool PromotedFromReserve, int TeamSize);

    /// <summary>An application's decision other than acceptance.</summary>
    public sealed record ApplicationDecisionData(Guid ApplicationId, Guid RoundId, string JstTerc);

    /// <param name="HadPlace">Whether the JST held a place (accepted) when it withdrew.</param>
    /// <param name="ReplacedBy">The application promoted from the reserve list to its place, if any.</param>
    public sealed record JstWithdrewData(Guid ApplicationId, Guid RoundId, string JstTerc, bool HadPlace, Guid? ReplacedBy);

    private static readonly Guid ExampleApplication = Guid.Parse("0193a0c4-5a10-7c2e-9a4b-2f1d6e8b7c01");
    private static readonly Guid ExampleRound = Guid.Parse("0193a0c0-1f00-7d11-8e2a-6b5c4d3e2f10");

    public static readonly IReadOnlyList<WebhookEventType> Types =
    [
        Of<ApplicationSubmitted, ApplicationSubmittedData>("application.submitted", WebhookModule.Recruitment, Scopes.RecruitmentRead,
            "Wniosek JST złożony w naborze. / A JST's application was submitted in a round.",
            e => e.JstTerc, e => e.SubmittedAt,
            e => new(e.ApplicationId, e.RoundId, e.JstTerc, e.JstKind, e.VoivodeshipTerc, e.Score, e.Team.Count),
            new(ExampleApplication, ExampleRound, "1465011", "urban-municipality", "14", 74, 4)),
        Of<ApplicationAccepted, ApplicationAcceptedData>("application.accepted", WebhookModule.Recruitment, Scopes.RecruitmentRead,
            "Wniosek przyjęty: zespół zadaniowy JST wchodzi do programu. / The application was accepted: the JST's task team joins the programme.",
            e => e.JstTerc, e => e.AcceptedAt,
            e => new(e.ApplicationId, e.RoundId, e.JstTerc, e.JstKind, e.VoivodeshipTerc, e.Score, e.PromotedFromReserve, e.Team.Count),
            new(ExampleApplication, ExampleRound, "1465011", "urban-municipality", "14", 74, false, 4)),
        Of<ApplicationPutOnReserve, ApplicationDecisionData>("application.reserved", WebhookModule.Recruitment, Scopes.RecruitmentRead,
            "Wniosek na liście rezerwowej. / The application was put on the reserve list.",
            e => e.JstTerc, e => e.DecidedAt, e => new(e.ApplicationId, e.RoundId, e.JstTerc),
            new(ExampleApplication, ExampleRound, "1465011")),
        Of<ApplicationRejected, ApplicationDecisionData>("application.rejected", WebhookModule.Recruitment, Scopes.RecruitmentRead,
            "Wniosek odrzucony. / The application was rejected.",
            e => e.JstTerc, e => e.DecidedAt, e => new(e.ApplicationId, e.RoundId, e.JstTerc),
            new(ExampleApplication, ExampleRound, "1465011")),
        Of<JstWithdrew, JstWithdrewData>("jst.withdrew", WebhookModule.Recruitment, Scopes.RecruitmentRead,
            "JST wycofała się z naboru lub z programu. / A JST withdrew from the round or the programme.",
            e => e.JstTerc, e => e.WithdrewAt, e => new(e.ApplicationId, e.RoundId, e.JstTerc, e.HadPlace, e.ReplacedBy),
            new(ExampleApplication, ExampleRound, "1465011", true, null)),
    ];
}
