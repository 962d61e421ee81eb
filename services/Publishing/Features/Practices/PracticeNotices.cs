namespace Cro.Publishing.Features.Practices;

/// <summary>What the events about a practice share: the platform's address their mails link to, and a practice's page in the catalogue.</summary>
public sealed class PracticeNotices(IConfiguration configuration)
{
    /// <summary>The practice's page in the public catalogue, relative to the platform's address (the web serves it).</summary>
    public static string PagePath(Guid practiceId) => $"dobre-praktyki/{practiceId}";

    public Uri PlatformUrl => PublicAddress.Of(configuration);

    public Uri PageUrl(Guid practiceId) => new(PlatformUrl, PagePath(practiceId));
}
