using System.Text;
using System.Text.Json;

namespace Cro.Web.Recruitment.Api;

// RecruitmentClient and its models are generated from services/Recruitment/openapi/recruitment.json (ServiceClients.targets).
// Here: what the web adds to them, which the service's contract does not say.

/// <summary>The recruitment service as the signed-in person calls it, with their access token (service discovery name "recruitment").</summary>
public partial class RecruitmentClient : IServiceClient
{
    public static string Unavailable => Text.Pick(
        "Usługa naboru jest chwilowo niedostępna. Nic nie zostało zapisane; spróbuj ponownie za chwilę.",
        "The recruitment service is unavailable at the moment. Nothing was saved; try again in a moment.");

    /// <summary>
    /// NSwag writes every request body as JSON, so the text/csv body of ImportMarginalisationList would travel as one JSON
    /// string: it goes as the text it is, which is what the service reads.
    /// </summary>
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (request.Content is { Headers.ContentType.MediaType: "text/csv" } json)
        {
            request.Content = new StringContent(JsonSerializer.Deserialize<string>(json.ReadAsStream()) ?? "", Encoding.UTF8, "text/csv");
        }
    }
}

/// <summary>
/// The recruitment service as an anonymous visitor calls it: the registry, the public rounds, and an application
/// opened with its key. The key travels from the page's address to the X-Application-Key header, on the server; the
/// browser never sends it to the API itself. No person's token goes with these calls: the applicant may have no
/// account, and the key alone decides.
/// </summary>
public sealed class PublicRecruitmentClient(HttpClient http) : RecruitmentClient(http);

public static class RecruitmentViews
{
    extension(RoundResponse round)
    {
        public bool IsOpen => round.Status == "open";
    }

    /// <summary>"PDF, 240 KB", for the link's text, so a reader knows what opens.</summary>
    public static string Describe(this RulesDocumentInfo document) => document.SizeBytes >= 1024 * 1024
        ? $"PDF, {document.SizeBytes / 1024.0 / 1024.0:0.#} MB"
        : $"PDF, {Math.Max(1, document.SizeBytes / 1024)} KB";

    public static TeamMemberInput ToInput(this TeamMemberView member) => new()
    {
        FullName = member.FullName, Email = member.Email, Position = member.Position, Phone = member.Phone, Sex = member.Sex,
        IsCoordinator = member.IsCoordinator,
    };

    extension(ApplicationView application)
    {
        public TeamMemberView? Coordinator => application.Team.FirstOrDefault(m => m.IsCoordinator);

        public IReadOnlyList<TeamMemberView> Members => [.. application.Team.Where(m => !m.IsCoordinator)];

        /// <summary>The whole form as saved (with another <paramref name="team"/>), to be saved again: PUT replaces the whole draft.</summary>
        public ApplicationForm ToForm(IReadOnlyList<TeamMemberInput>? team = null) => new()
        {
            JstTerc = application.Jst.Terc, Team = team ?? [.. application.Team.OrderByDescending(m => m.IsCoordinator).Select(m => m.ToInput())],
            SchoolsRun = application.SchoolsRun, TookPartBefore = application.TookPartBefore, Declarations = application.Declarations,
        };
    }

    extension(RoundStatisticsResponse statistics)
    {
        public int Count(string status) => statistics.ByStatus.TryGetValue(status, out var n) ? n : 0;

        public int Total => statistics.ByStatus.Values.Sum();
    }
}
