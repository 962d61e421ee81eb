using Cro.BuildingBlocks.Exports;

namespace Cro.Training.Features.Exports;

/// <summary>What the training's downloads share: Polish cell text (the format check and the writing are <see cref="TableExport"/>'s).</summary>
internal static class ExportFormat
{
    public static readonly System.Globalization.CultureInfo Polish = System.Globalization.CultureInfo.GetCultureInfo("pl-PL");

    public static string Number(decimal value) => value.ToString("0.##", Polish);

    public static string Number(decimal? value) => value is { } v ? Number(v) : "";

    public static string YesNo(bool value) => value ? "tak" : "nie";
}
