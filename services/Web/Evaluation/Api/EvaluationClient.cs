namespace Cro.Web.Evaluation.Api;

// Generated from services/Evaluation/openapi/evaluation.json; below, the words of its contract the pages show.

/// <summary>
/// The evaluation service's API (service discovery name "evaluation"): surveys after each stage of support and their
/// results, and the consultation and revision of the concept, programmes and materials. Called with the signed-in
/// person's access token where there is one; survey links and published revision logs answer anyone.
/// </summary>
public partial class EvaluationClient : IServiceClient
{
    public static string Unavailable => Text.Pick(
        "Usługa ewaluacji i konsultacji jest chwilowo niedostępna. Nic nie zostało zapisane; spróbuj ponownie za chwilę.",
        "The evaluation and consultation service is unavailable at the moment. Nothing was saved; try again in a moment.");
}
