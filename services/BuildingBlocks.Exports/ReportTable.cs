namespace Cro.BuildingBlocks.Exports;

/// <summary>A named table of a report: an XLSX sheet, or a table of a PDF report.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows);
