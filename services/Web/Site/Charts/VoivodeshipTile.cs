namespace Cro.Web.Site.Charts;

/// <summary>
/// One województwo on <see cref="VoivodeshipTileMap"/>: its TERC code, what its tile says (a short figure) and its colour's
/// level, 0 (lowest) to 4 (highest), or null where there is nothing to show.
/// </summary>
public sealed record VoivodeshipTile(string Code, string Figure, int? Level, string? Note = null)
{
    /// <summary>The level (0–4) of a share between 0 and 1: a fifth each.</summary>
    public static int? LevelOf(double? share) => share is { } s ? Math.Clamp((int)(s * 5), 0, 4) : null;
}
