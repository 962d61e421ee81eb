using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cro.ServiceDefaults;
using Microsoft.AspNetCore.Http;

namespace Cro.BuildingBlocks.Calendar;

/// <summary>
/// The secret a calendar feed's address carries. Calendar apps subscribe to an address and cannot send a bearer token, so
/// whoever holds the address reads the feed: a service issues a new random token (a new one replaces the old, which stops
/// working), keeps only its hash, and serves the feed anonymously to whoever presents it.
/// </summary>
public static class CalendarFeedToken
{
    /// <summary>A new token: 32 random bytes, URL-safe.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is kept of a token, and looked up by; null for a string that cannot be a token issued here.</summary>
    public static byte[]? Hash(string token) => token.Length is > 20 and < 100 ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;

    /// <summary>The feed, private: shared caches keep nothing (calendar apps poll it anyway).</summary>
    public static IResult Serve(HttpContext context, string document)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(document, CalendarDocument.ContentType, Encoding.UTF8);
    }

    /// <summary>404 for an address that is no feed (never issued, replaced, or its holder's access ended).</summary>
    public static IResult Unknown() => ProblemDetailsDefaults.NotFound("Nie ma takiego kalendarza; pobierz nowy adres na swoim koncie.",
        "There is no such calendar; get a new address from your account.");
}
