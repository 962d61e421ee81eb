using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Cro.Identity.Features.Invitations;

/// <summary>
/// Invitation links live a week (password-reset links far less), so invitations have a token provider
/// of their own. The token is bound to the account's security stamp: it stops working once used.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options,
    ILogger<DataProtectorTokenProvider<User>> logger) : DataProtectorTokenProvider<User>(protection, options, logger)
{
    public const string ProviderName = "invitation";
    public const string Purpose = "accept-invitation";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = InvitationTokenProvider.Lifetime;
    }
}
