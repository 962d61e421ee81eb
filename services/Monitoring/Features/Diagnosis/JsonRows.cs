using System.Text.Json;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// Rows for one INSERT … SELECT … FROM jsonb_to_recordset(@rows::jsonb): objects whose members are named as the columns
/// (snake_case); PostgreSQL reads nested JSON arrays into array columns.
/// </summary>
internal static class JsonRows
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Of<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows, Options);
}
