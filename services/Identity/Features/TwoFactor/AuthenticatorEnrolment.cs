using System.Text;
using QRCoder;

namespace Cro.Identity.Features.TwoFactor;

/// <summary>
/// What an authenticator app (any TOTP app: Google/Microsoft Authenticator, FreeOTP, …) needs: the
/// shared key, as text grouped for typing and as an otpauth:// QR code for scanning.
/// </summary>
public sealed record AuthenticatorEnrolment(string Key, string QrCodeDataUri)
{
    private const string Issuer = "CRO";

    public static async Task<AuthenticatorEnrolment> ForAsync(UserManager<User> users, User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString($"{Issuer}:{user.Email}")}?secret={key}&issuer={Issuer}&digits=6";
        using var data = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorEnrolment(Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Authenticator codes are typed with spaces or dashes as often as without.</summary>
    public static string Normalise(string code) => code.Replace(" ", "").Replace("-", "");

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
