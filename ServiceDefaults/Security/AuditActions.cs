namespace Cro.ServiceDefaults.Security;


/// <summary>
/// What the security audit log (kept by identity) records, with the words the administrators' page uses
/// for each: one list for the service that writes entries and the web that filters them.
/// </summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string TwoFactorFailed = "two-factor.failed";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorDisabled = "two-factor.disabled";
    public const string SignedOut = "sign-out";
    public const string InvitationIssued = "invitation.issued";
    public const string InvitationAccepted = "invitation.accepted";
    public const string PasswordResetRequested = "password.reset-requested";
    public const string PasswordReset = "password.reset";
    public const string RolesChanged = "roles.changed";
    public const string SecondJstRefused = "jst.second-refused";
    public const string ClientCreated = "client.created";
    public const string ClientUpdated = "client.updated";
    public const string ClientSecretRotated = "client.secret-rotated";
    public const string ClientDeleted = "client.deleted";
    public const string ConsentRecorded = "consent.recorded";
    public const string PersonalDataExported = "personal-data.exported";
    public const string ErasureRequested = "erasure.requested";
    public const string ErasureExecuted = "erasure.executed";

    public static IReadOnlyDictionary<string, (string Pl, string En)> Labels { get; } = new Dictionary<string, (string, string)>
    {
        [SignInSucceeded] = ("Zalogowanie", "Signed in"),
        [SignInFailed] = ("Nieudane logowanie", "Failed sign-in"),
        [LockedOut] = ("Zablokowanie konta po nieudanych próbach", "Account locked after failures"),
        [TwoFactorFailed] = ("Błędny kod weryfikacji dwuetapowej", "Wrong two-factor code"),
        [TwoFactorEnabled] = ("Włączenie weryfikacji dwuetapowej", "Two-factor sign-in enabled"),
        [TwoFactorDisabled] = ("Wyłączenie weryfikacji dwuetapowej", "Two-factor sign-in disabled"),
        [SignedOut] = ("Wylogowanie", "Signed out"),
        [InvitationIssued] = ("Zaproszenie", "Invitation"),
        [InvitationAccepted] = ("Przyjęcie zaproszenia", "Invitation accepted"),
        [PasswordResetRequested] = ("Prośba o nowe hasło", "Password reset requested"),
        [PasswordReset] = ("Ustawienie nowego hasła", "Password reset"),
        [RolesChanged] = ("Zmiana ról lub JST", "Roles or JST changed"),
        [SecondJstRefused] = ("Odmowa przypisania do drugiej JST", "Second JST refused"),
        [ClientCreated] = ("Utworzenie klienta API", "API client created"),
        [ClientUpdated] = ("Zmiana klienta API (nazwa, zakresy, JST)", "API client changed (name, scopes, JST)"),
        [ClientSecretRotated] = ("Nowy sekret klienta API", "API client secret rotated"),
        [ClientDeleted] = ("Usunięcie klienta API", "API client deleted"),
        [ConsentRecorded] = ("Zgoda lub zapoznanie się z klauzulą", "Consent recorded"),
        [PersonalDataExported] = ("Pobranie danych osobowych", "Personal data downloaded"),
        [ErasureRequested] = ("Żądanie usunięcia danych", "Erasure requested"),
        [ErasureExecuted] = ("Usunięcie danych osobowych", "Personal data erased"),
    };

    public static string Label(string action) => Labels.TryGetValue(action, out var label) ? Cro.ServiceDefaults.Text.Pick(label.Pl, label.En) : action;
}
