using Cro.BuildingBlocks.Exports;

namespace Cro.Training.Features.Exports;

/// <summary>What the training's downloads share: the format check, Polish cell text, and writing the table.</summary>
internal static class ExportFormat
{
    public static readonly System.Globalization.CultureInfo Polish = System.Globalization.CultureInfo.GetCultureInfo("pl-PL");

    /// <summary>400 unless the format is csv or xlsx.</summary>
    public static IResult? Refusal(string format) => TableExport.Formats.Contains(format)
        ? null
        : ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["format"] = [Text.Pick("Format: csv albo xlsx.", "Format: csv or xlsx.")],
        });

    public static async Task<IResult> WriteAsync(HttpResponse response, string format, string fileName, IReadOnlyList<string> headers,
        IReadOnlyList<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        response.Headers.CacheControl = "private, no-store";
        if (format == TableExport.Xlsx)
        {
            await TableExport.WriteXlsxAsync(response, fileName, headers, rows, ct);
        }
        else
        {
            await TableExport.WriteCsvAsync(response, fileName, headers, rows, ct);
        }
        return Results.Empty;
    }

    public static string Number(decimal value) => value.ToString("0.##", Polish);

    public static string Number(decimal? value) => value is { } v ? Number(v) : "";

    public static string YesNo(bool value) => value ? "tak" : "nie";
}
