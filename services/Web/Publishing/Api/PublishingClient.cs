namespace Cro.Web.Publishing.Api;

// Generated from services/Publishing/openapi/publishing.json; below, the words of its contract the pages show.

/// <summary>
/// The publishing service's API (service discovery name "publishing"): good practices and their review, the public
/// catalogue, and conferences. Called with the signed-in person's access token where there is one; the catalogue and
/// conference registration answer anyone.
/// </summary>
public partial class PublishingClient : IServiceClient
{
    public static string Unavailable => Text.Pick(
        "Usługa dobrych praktyk i konferencji jest chwilowo niedostępna. Nic nie zostało zapisane; spróbuj ponownie za chwilę.",
        "The good practices and conferences service is unavailable at the moment. Nothing was saved; try again in a moment.");
}
