using Cro.ServiceDefaults.Security;

namespace Cro.Web.Administration;

/// <summary>What each partner scope allows, in words an administrator choosing scopes understands.</summary>
public static class ScopeDescriptions
{
    public static string Describe(string scope) => scope switch
    {
        Scopes.RecruitmentRead => Text.Pick("odczyt danych naboru: JST, wnioski, zespoły zadaniowe", "read recruitment data: JST, applications, task teams"),
        Scopes.RecruitmentWrite => Text.Pick("zgłaszanie kandydatów i wniosków w naborze", "submit candidates and applications"),
        Scopes.PracticesWrite => Text.Pick("przekazywanie dobrych praktyk samorządowych", "submit good practices"),
        Scopes.IndicatorsRead => Text.Pick("odczyt wskaźników produktu i rezultatu", "read output and result indicators"),
        Scopes.AdvisoryRead => Text.Pick("odczyt zestawień doradztwa w naborach (bez danych osobowych)",
            "read advisory aggregates per round (no personal data)"),
        Scopes.MonitoringRead => Text.Pick("odczyt zestawień planów strategicznych i ich realizacji (bez danych JST)",
            "read aggregates of the strategic plans and their implementation (no JST's own data)"),
        Scopes.TrainingRead => Text.Pick("odczyt postępów szkoleń JST (moduły ukończone, bez danych osobowych)",
            "read the JST's training progress (modules completed, no personal data)"),
        Scopes.WebhooksManage => Text.Pick("webhooki: rejestracja adresów, sekrety, dziennik doręczeń, ponowienia",
            "webhooks: endpoints, secrets, the delivery log, replays"),
        Scopes.ConsultationsWrite => Text.Pick("uwagi i recenzja w konsultacjach koncepcji, programów i materiałów programu",
            "comments and the review in the consultations of the programme's concept, programmes and materials"),
        _ => scope,
    };
}
