using System.Text.Json;

namespace Cro.Monitoring.Features.Plans;

/// <summary>A plan's content as the jsonb it is stored as (the API's own JSON form).</summary>
public static class PlanJson
{
    public static string Of(PlanContent content) => JsonSerializer.Serialize(content, PlanVersionRow.Json);
}
