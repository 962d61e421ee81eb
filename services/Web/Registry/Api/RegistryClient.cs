using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Cro.Web.Registry.Api;

public sealed record UnitRef(string Terc, string Name);

public sealed record Jst(string Terc, string Name, string Kind, UnitRef Voivodeship, UnitRef? County, bool AtRiskOfMarginalisation);

public sealed record JstPage(IReadOnlyList<Jst> Items, string? NextCursor);

public sealed record JstQuery(string? Q, string? Kind, string? Voivodeship, string? Cursor, int Limit = 20);

/// <summary>The outcome of a search: a page, or the API's explanation of what was wrong with the query.</summary>
public sealed record JstSearchResult(JstPage? Page, IReadOnlyList<string> Errors);

/// <summary>Calls the recruitment service's registry API (service discovery name "recruitment").</summary>
public sealed class RegistryClient(HttpClient http, IMemoryCache cache)
{
    public async Task<JstSearchResult> SearchAsync(JstQuery query, CancellationToken ct)
    {
        var url = QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = query.Q,
            ["kind"] = query.Kind,
            ["voivodeship"] = query.Voivodeship,
            ["cursor"] = query.Cursor,
            ["limit"] = query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/recruitment/jst" + url);
        request.Headers.AcceptLanguage.ParseAdd(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(ct);
            return new JstSearchResult(null, problem?.Errors.SelectMany(e => e.Value).ToList() ?? [problem?.Title ?? "400"]);
        }
        response.EnsureSuccessStatusCode();
        return new JstSearchResult(await response.Content.ReadFromJsonAsync<JstPage>(ct), []);
    }

    /// <summary>One JST by its TERC code, or null when the registry has none (or the code is malformed).</summary>
    public async Task<Jst?> FindAsync(string terc, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/recruitment/jst/" + Uri.EscapeDataString(terc));
        request.Headers.AcceptLanguage.ParseAdd(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Jst>(ct);
    }

    /// <summary>The 16 województwa, for the filter; they change with a new TERC edition, so an hour's cache is safe.</summary>
    public async Task<IReadOnlyList<Jst>> VoivodeshipsAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync("voivodeships", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            var result = await SearchAsync(new JstQuery(null, JstKinds.Voivodeship, null, null, 100), ct);
            return result.Page?.Items.OrderBy(v => v.Name, StringComparer.Create(new("pl-PL"), false)).ToList() ?? [];
        }) ?? [];
}
