using Cro.Contracts;

namespace Cro.Notifications.Tests;

/// <summary>Events as identity would publish them, for a new person each time.</summary>
public static class Events
{
    public static InvitationIssued Invitation(string fullName = "Anna Nowak", string role = "jst-coordinator")
    {
        var userId = Guid.CreateVersion7();
        return new InvitationIssued
        {
            UserId = userId,
            Email = $"{userId:N}@gmina.example.pl",
            FullName = fullName,
            Role = role,
            JstTerc = "2261011",
            AcceptUrl = new Uri($"https://cro.example.pl/konto/zaproszenie?token={Guid.NewGuid():N}&u={userId:N}"),
            ExpiresAt = new DateTimeOffset(2026, 12, 6, 13, 30, 0, TimeSpan.Zero),
        };
    }

    public static PasswordResetRequested PasswordReset(Guid userId, string email, string fullName = "Anna Nowak") => new()
    {
        UserId = userId,
        Email = email,
        FullName = fullName,
        ResetUrl = new Uri($"https://cro.example.pl/konto/nowe-haslo?token={Guid.NewGuid():N}"),
        ExpiresAt = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero),
    };
}
