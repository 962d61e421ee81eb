namespace Cro.Web.Advisory;

/// <summary>What a person typed into an optional field: trimmed, or null when they typed nothing but spaces.</summary>
public static class OptionalText
{
    public static string? Of(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
