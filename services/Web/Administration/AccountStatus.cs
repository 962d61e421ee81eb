using Cro.Web.Account.Api;

namespace Cro.Web.Administration;

/// <summary>The state of a person's account in words, for the people pages (kept out of the identity client's models).</summary>
public static class AccountStatus
{
    extension(UserAccount person)
    {
        /// <summary>
        /// One word for the state of the account. An erased account is also locked and counts as accepted,
        /// so erasure is checked first; a pending invitation matters more than a lock.
        /// </summary>
        public string Status => person switch
        {
            { Erased: true } => Text.Pick("dane usunięte", "data erased"),
            { InvitationAccepted: false } => Text.Pick("zaproszenie oczekuje", "invitation pending"),
            { LockedOut: true } => Text.Pick("zablokowane", "locked"),
            _ => Text.Pick("aktywne", "active"),
        };
    }
}
