using Cro.ServiceDefaults;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Cro.BuildingBlocks.Exports;

/// <summary>
/// Tables that operators download (lists of applications, audit logs, attendance lists): CSV that Excel
/// opens right (UTF-8 with a byte order mark) and XLSX. Text that starts like a formula is escaped in
/// CSV, so a spreadsheet never runs a name or an address someone typed as "=…".
/// </summary>
public static class TableExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static readonly IReadOnlyList<string> Formats = [Csv, Xlsx];

    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>In the OpenAPI document: the endpoint answers a table as a CSV or XLSX file, and 400 for any other format.</summary>
    public static RouteHandlerBuilder ProducesTable(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesFile(CsvContentType, XlsxContentType).ProducesValidationProblem();

    /// <summary>400 naming format unless it is csv or xlsx; null when it is.</summary>
    public static IResult? FormatRefusal(string format) => Formats.Contains(format)
        ? null
        : ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["format"] = [Text.Pick("Format: csv albo xlsx.", "Format: csv or xlsx.")],
        });

    /// <summary>The rows as a download in <paramref name="format"/> (csv or xlsx), kept by no cache: the tables name people.</summary>
    public static async Task<IResult> WriteAsync(HttpResponse response, string format, string fileName, IReadOnlyList<string> headers,
        IReadOnlyList<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        response.Headers.CacheControl = "private, no-store";
        if (format == Xlsx)
        {
            await WriteXlsxAsync(response, fileName, headers, rows, ct);
        }
        else
        {
            await WriteCsvAsync(response, fileName, headers, rows, ct);
        }
        return Results.Empty;
    }

    /// <summary>Streams the rows as CSV into the response, row by row, as a download named <paramref name="fileName"/>.csv.</summary>
    public static async Task WriteCsvAsync(HttpResponse response, string fileName, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        response.ContentType = CsvContentType + "; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.csv\"";
        await using var csv = CsvWriter.Create(response.Body,
            new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync([.. headers], ct);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync([.. row.Select(field => field ?? "")], ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>The rows as one XLSX sheet, with the headers as its first row.</summary>
    public static Task WriteXlsxAsync(HttpResponse response, string fileName, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct) =>
        WriteXlsxAsync(response, fileName, [new ReportTable("dane", headers, [.. rows])], ct);

    /// <summary>Tables as the sheets of one XLSX workbook, each named as its table, its headers as its first row.</summary>
    public static async Task WriteXlsxAsync(HttpResponse response, string fileName, IReadOnlyList<ReportTable> tables, CancellationToken ct)
    {
        response.ContentType = XlsxContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.xlsx\"";
        var sheets = tables.ToDictionary(t => t.Name, t => (object)t.Rows.Select(row => t.Headers.Select((header, i) => (header, value: (object?)row[i]))
            .ToDictionary(cell => cell.header, cell => cell.value)));
        // The XLSX writer needs a seekable stream (a zip); the tables exported fit in memory easily.
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, ct);
    }
}
