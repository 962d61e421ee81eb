using System.Buffers.Text;
using System.Text;

namespace Cro.ServiceDefaults;

/// <summary>
/// Opaque cursor for keyset paging: the sort key of the last item of a page, which the next page
/// starts after. Clients pass it back unchanged; a tampered one fails to decode and is a 400.
/// </summary>
public static class KeysetCursor
{
    private const char Separator = '\u001f';

    /// <summary>What a page's validator says of a cursor that does not decode.</summary>
    public static string InvalidMessage => Text.Pick("Kursor strony jest nieprawidłowy.", "The page cursor is invalid.");

    /// <summary>What a page's validator says of a limit outside 1..<paramref name="max"/>.</summary>
    public static string LimitMessage(int max) => Text.Pick($"Limit musi być liczbą od 1 do {max}.", $"The limit must be a number from 1 to {max}.");

    public static string Encode(params string[] key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, key)));

    public static bool TryDecode(string? cursor, int parts, out string[] key)
    {
        key = [];
        if (string.IsNullOrEmpty(cursor) || !Base64Url.IsValid(cursor))
        {
            return false;
        }
        try
        {
            key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
        }
        catch (FormatException)
        {
            return false;
        }
        return key.Length == parts;
    }
}
