using Cro.BuildingBlocks.Exports;

namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>The picture's tables in the format asked: CSV or XLSX (BuildingBlocks.Exports' writers).</summary>
internal static class Tables
{
    public static IResult? InvalidFormat(string format) => TableExport.Formats.Contains(format)
        ? null
        : ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["format"] = [Text.Pick("Format: csv albo xlsx.", "Format: csv or xlsx.")],
        });

    public static async Task<IResult> WriteAsync(HttpResponse response, string format, string fileName, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
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
}
