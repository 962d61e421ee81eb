using System.Globalization;
using Cro.Web.Advisory.Api;

namespace Cro.Web.Advisory;

/// <summary>
/// A held meeting's record as its form posts it: how long it took, which team members were there (ticked by id), anyone
/// else by name and role, the notes and the next steps. Strings, so a wrong number gets a message beside its field.
/// </summary>
public sealed class HeldMeetingInput
{
    /// <summary>Rows for people from outside the team (a school director, a councillor) the form offers.</summary>
    public const int OtherRows = 3;

    public string? HeldMinutes { get; set; }
    public List<PresentMember>? Members { get; set; }
    public List<OtherPerson>? Others { get; set; }
    public string? Notes { get; set; }
    public string? NextSteps { get; set; }

    public sealed class PresentMember
    {
        public Guid Id { get; set; }
        /// <summary>"true" when ticked.</summary>
        public string? Present { get; set; }
    }

    public sealed class OtherPerson
    {
        public string? FullName { get; set; }
        public string? Role { get; set; }
    }

    /// <summary>The form as it first shows: the meeting's booked length, nobody ticked.</summary>
    public static HeldMeetingInput For(MeetingView meeting) => new()
    {
        HeldMinutes = ((int)(meeting.EndsAt - meeting.StartsAt).TotalMinutes).ToString(CultureInfo.InvariantCulture),
    };

    public bool IsPresent(Guid memberId) => Members?.Any(m => m.Id == memberId && m.Present == "true") == true;

    /// <summary>The request, or null with the reasons in <paramref name="errors"/>; team members are named as the service knows them.</summary>
    public HeldMeetingRequest? ToRequest(IReadOnlyList<AdvisedTeamMember> team, FormErrors errors)
    {
        if (!int.TryParse(HeldMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            errors.Add("heldMinutes", Text.Pick("Czas spotkania to liczba minut, np. 60.", "The meeting's length is a number of minutes, e.g. 60."));
            return null;
        }
        var members = team.Where(m => IsPresent(m.Id))
            .Select(m => new MeetingParticipant { MemberId = m.Id, FullName = m.FullName, Role = null });
        var others = (Others ?? []).Where(o => !string.IsNullOrWhiteSpace(o.FullName))
            .Select(o => new MeetingParticipant { MemberId = null, FullName = o.FullName!.Trim(), Role = OptionalText.Of(o.Role) });
        return new HeldMeetingRequest
        {
            HeldMinutes = minutes, Participants = [.. members, .. others], Notes = OptionalText.Of(Notes), NextSteps = OptionalText.Of(NextSteps),
        };
    }
}
