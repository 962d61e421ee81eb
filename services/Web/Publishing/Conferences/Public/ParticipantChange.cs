using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences.Public;

/// <summary>What one of the participant page's forms changed: the registration as the API answered it, and what to tell the person.</summary>
public sealed record ParticipantChange(ConferenceParticipantRegistration Registration, string Message);

/// <summary>What the participant page's forms share.</summary>
public static class ParticipantForms
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    public const string Offered = "offered";

    /// <summary>Statuses that take part (hold a place or wait for one); the rest have ended.</summary>
    public static bool IsActive(string status) => status is Pending or Confirmed or Waitlisted or Offered;

    /// <summary>
    /// Whether this request posts the form named <paramref name="formName"/>. A form the page no longer offers (a second press of
    /// "Confirm" after the first one confirmed) is still rendered, hidden, for such a post, so the framework finds its handler
    /// and the API says what happened.
    /// </summary>
    public static bool PostedTo(HttpContext context, string formName) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType && context.Request.Form["_handler"] == formName;
}
