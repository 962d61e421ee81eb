using System.Text.Json;
using Cro.ServiceDefaults.Security;
using Cro.Web.Account.Api;
using Cro.Web.Advisory.Api;
using Cro.Web.Evaluation.Api;
using Cro.Web.Monitoring.Api;
using Cro.Web.Publishing.Api;
using Cro.Web.Recruitment.Api;
using Cro.Web.Training.Api;

namespace Cro.Web.Account;

/// <summary>
/// GET /moje-konto/moje-dane.json — one file with everything the platform holds about the signed-in
/// person (RODO art. 15 and 20): each service's own answer, side by side. A service that does not
/// answer fails the download rather than leaving a silently incomplete file.
/// </summary>
public static class PersonalDataDownload
{
    public const string Path = "/moje-konto/moje-dane.json";

    public static IEndpointRouteBuilder MapPersonalDataDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, DownloadAsync).RequireAuthorization(Policies.Person);
        return app;
    }

    private static async Task<IResult> DownloadAsync(IdentityClient identity, NotificationsClient notifications, RecruitmentClient recruitment,
        PublishingClient publishing, MonitoringClient monitoring, TrainingClient training, AdvisoryClient advisory, EvaluationClient evaluation,
        TimeProvider time, CancellationToken ct)
    {
        var fromIdentity = await identity.CallAsync(c => c.MyPersonalDataAsync(ct));
        var fromNotifications = await notifications.CallAsync(c => c.MyNotificationsPersonalDataAsync(ct));
        var fromRecruitment = await recruitment.CallAsync(c => c.MyRecruitmentDataAsync(ct));
        var fromPublishing = await publishing.CallAsync(c => c.MyPublishingPersonalDataAsync(ct));
        var fromMonitoring = await monitoring.CallAsync(c => c.MyMonitoringPersonalDataAsync(ct));
        var fromTraining = await training.CallAsync(c => c.MyTrainingPersonalDataAsync(ct));
        var fromAdvisory = await advisory.CallAsync(c => c.MyAdvisoryPersonalDataAsync(ct));
        var fromEvaluation = await evaluation.CallAsync(c => c.MyEvaluationPersonalDataAsync(ct));
        var errors = fromIdentity.Errors.All.Concat(fromNotifications.Errors.All).ToList();
        if (!fromRecruitment.Succeeded)
        {
            errors.Add(Text.Pick("Usługa naboru nie odpowiedziała.", "The recruitment service did not answer."));
        }
        if (!fromPublishing.Succeeded)
        {
            errors.Add(Text.Pick("Usługa dobrych praktyk nie odpowiedziała.", "The good practices service did not answer."));
        }
        if (!fromMonitoring.Succeeded)
        {
            errors.Add(Text.Pick("Usługa monitorowania nie odpowiedziała.", "The monitoring service did not answer."));
        }
        if (!fromTraining.Succeeded)
        {
            errors.Add(Text.Pick("Usługa szkoleń nie odpowiedziała.", "The training service did not answer."));
        }
        if (!fromAdvisory.Succeeded)
        {
            errors.Add(Text.Pick("Usługa doradztwa nie odpowiedziała.", "The advisory service did not answer."));
        }
        if (!fromEvaluation.Succeeded)
        {
            errors.Add(Text.Pick("Usługa ewaluacji nie odpowiedziała.", "The evaluation service did not answer."));
        }
        if (errors.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: Text.Pick("Nie udało się zebrać danych.", "The data could not be gathered."),
                detail: string.Join(" ", errors));
        }
        var document = new
        {
            generatedAt = time.GetUtcNow(),
            description = Text.Pick("Dane osobowe przechowywane o Tobie przez platformę CRO.", "Personal data the CRO platform holds about you."),
            accountsAndAccess = fromIdentity.Value,
            // The person reads this file: the role codes (jst-member…) in words beside them.
            rolesInWords = RolesInWords(fromIdentity.Value),
            emails = fromNotifications.Value,
            taskTeams = fromRecruitment.Value,
            goodPractices = fromPublishing.Value,
            // ESF+ participant data (the sensitive answers are said to be on record, not repeated: see monitoring's endpoint).
            esfParticipant = fromMonitoring.Value?.EsfParticipant,
            training = fromTraining.Value,
            advisory = fromAdvisory.Value,
            // Surveys they were invited to (whether answered, never what: answers name no one) and consultations of the documents.
            evaluation = fromEvaluation.Value,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return Results.File(bytes, "application/json", $"moje-dane-cro-{time.GetUtcNow():yyyy-MM-dd}.json");
    }

    private static Dictionary<string, string> RolesInWords(IdentityPersonalData? identity) =>
        (identity?.Account.Roles ?? []).Distinct().ToDictionary(r => r, RoleNames.Label);
}
