namespace Cro.Web.Administration;

/// <summary>
/// The kinds of audit events, for the filter of the audit log page. The identity service owns the list
/// (services/Identity/Features/Audit/AuditActions.cs) and the web cannot reference that project, so it is
/// repeated here; a kind missing here only stops the filter from offering it: entries still show, labelled by the service.
/// </summary>
public static class AuditActionNames
{
    public static IReadOnlyList<(string Action, string Pl, string En)> All { get; } =
    [
        ("sign-in.succeeded", "Zalogowanie", "Signed in"),
        ("sign-in.failed", "Nieudane logowanie", "Failed sign-in"),
        ("sign-in.locked-out", "Zablokowanie konta po nieudanych próbach", "Account locked after failures"),
        ("two-factor.failed", "Błędny kod weryfikacji dwuetapowej", "Wrong two-factor code"),
        ("two-factor.enabled", "Włączenie weryfikacji dwuetapowej", "Two-factor sign-in enabled"),
        ("two-factor.disabled", "Wyłączenie weryfikacji dwuetapowej", "Two-factor sign-in disabled"),
        ("sign-out", "Wylogowanie", "Signed out"),
        ("invitation.issued", "Zaproszenie", "Invitation"),
        ("invitation.accepted", "Przyjęcie zaproszenia", "Invitation accepted"),
        ("password.reset-requested", "Prośba o nowe hasło", "Password reset requested"),
        ("password.reset", "Ustawienie nowego hasła", "Password reset"),
        ("roles.changed", "Zmiana ról lub JST", "Roles or JST changed"),
        ("client.created", "Utworzenie klienta API", "API client created"),
        ("client.secret-rotated", "Nowy sekret klienta API", "API client secret rotated"),
        ("client.deleted", "Usunięcie klienta API", "API client deleted"),
        ("consent.recorded", "Zgoda lub zapoznanie się z klauzulą", "Consent recorded"),
        ("personal-data.exported", "Pobranie danych osobowych", "Personal data downloaded"),
        ("erasure.requested", "Żądanie usunięcia danych", "Erasure requested"),
        ("erasure.executed", "Usunięcie danych osobowych", "Personal data erased"),
    ];
}
