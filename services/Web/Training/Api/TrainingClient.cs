using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cro.Web.Training.Api;

// TrainingClient and its models are generated from services/Training/openapi/training.json (ServiceClients.targets).
// Here: what the web adds to them, which the service's contract does not say.

/// <summary>
/// The training service's API (service discovery name "training"), called with the signed-in person's access token
/// when there is one (<see cref="Account.UserAccessTokenHandler"/>) and without it for anonymous visitors, who reach
/// only the public endpoints. The service decides what each caller may see; the pages only show its answer.
/// </summary>
public partial class TrainingClient : IServiceClient
{
    public static string Unavailable => Text.Pick(
        "Usługa szkoleń jest chwilowo niedostępna. Nic nie zostało zapisane; spróbuj ponownie za chwilę.",
        "The training service is unavailable at the moment. Nothing was saved; try again in a moment.");

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new WarsawWallClock());

    /// <summary>
    /// A session's start and end travel to the service as Warsaw wall-clock times without an offset ("2026-05-12T10:00:00"):
    /// the service reads them as a DateTime and places them in Warsaw itself. Times it sends are read with their offset.
    /// No other request of the training API carries a time.
    /// </summary>
    private sealed class WarsawWallClock : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.DateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
    }
}

public partial class MaterialView
{
    public const string Lesson = "lesson";
    public const string Link = "link";
    public const string File = "file";
}

public static class AttendanceStatus
{
    public const string Present = "present";
    public const string Absent = "absent";
    public const string Excused = "excused";

    public static readonly IReadOnlyList<string> All = [Present, Absent, Excused];
}

/// <summary>The two tests of a module and how often each may be taken (the service's rule, for the page's wording).</summary>
public static class TestKind
{
    public const string Pre = "pre";
    public const string Post = "post";

    public static int MaxAttempts(string kind) => kind == Post ? 2 : 1;
}

public static class QuestionKind
{
    public const string Single = "single";
    public const string Multiple = "multiple";

    public static readonly IReadOnlyList<string> All = [Single, Multiple];
}

public static class TrainingViews
{
    extension(SessionView session)
    {
        public bool IsCancelled => session.CancelledAt is not null;

        public bool HasEnded(DateTimeOffset now) => now > session.EndsAt;

        /// <summary>Check-in and the trainer's marks open this long before the start (the service's rule, for the page's hints).</summary>
        public static TimeSpan OpensBefore => TimeSpan.FromMinutes(15);
    }

    extension(ProgrammeView programme)
    {
        public double TotalHours => programme.Modules.Sum(m => m.Hours);
    }

    extension(AttemptView attempt)
    {
        public bool IsFinished => attempt.FinishedAt is not null;

        public int Answered => attempt.Questions.Count(q => q.Answer.Count > 0);
    }
}
