using Cro.Web.Recruitment.Api;

namespace Cro.Web.Recruitment.JstApplication;

/// <summary>One person of the task team as the form posts it (the coordinator, or one row of the team step).</summary>
public sealed class PersonInput
{
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Sex { get; set; }

    /// <summary>A row the applicant added and left empty: dropped rather than reported five times as missing.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(FullName) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Position)
        && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrEmpty(Sex);

    public static PersonInput From(TeamMemberView member) => new()
    {
        FullName = member.FullName, Email = member.Email, Position = member.Position, Phone = member.Phone, Sex = member.Sex,
    };

    public TeamMemberInput ToInput(bool isCoordinator) => new()
    {
        FullName = (FullName ?? "").Trim(), Email = (Email ?? "").Trim(), Position = (Position ?? "").Trim(),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(), Sex = Sex ?? "", IsCoordinator = isCoordinator,
    };
}
