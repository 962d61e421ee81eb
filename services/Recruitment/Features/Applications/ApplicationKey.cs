using System.Security.Cryptography;
using System.Text;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// The secret that opens a draft before anyone has an account: sent in the e-mailed link, given back
/// in the X-Application-Key header, stored only as its SHA-256 hash.
/// </summary>
public static class ApplicationKey
{
    public const string Header = "X-Application-Key";

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
