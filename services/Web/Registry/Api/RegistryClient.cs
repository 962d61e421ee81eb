using Cro.Web.Recruitment.Api;
using Microsoft.Extensions.Caching.Memory;

namespace Cro.Web.Registry.Api;

public sealed record JstQuery(string? Q, string? Kind, string? Voivodeship, string? Cursor, int Limit = 20);

/// <summary>The outcome of a search: a page, or the API's explanation of what was wrong with the query.</summary>
public sealed record JstSearchResult(SearchJstResponse? Page, IReadOnlyList<string> Errors);

/// <summary>The JST registry as the pages use it, through the recruitment service's generated client (anonymous).</summary>
public sealed class RegistryClient(PublicRecruitmentClient recruitment, IMemoryCache cache)
{
    public async Task<JstSearchResult> SearchAsync(JstQuery query, CancellationToken ct)
    {
        try
        {
            return new(await recruitment.SearchJstAsync(query.Q, query.Kind, query.Voivodeship, query.Cursor, query.Limit, ct), []);
        }
        catch (ApiException<HttpValidationProblemDetails> invalid)
        {
            return new(null, invalid.Result?.Errors.SelectMany(e => e.Value).ToList() ?? [invalid.Result?.Title ?? "400"]);
        }
    }

    /// <summary>One JST by its TERC code, or null when the registry has none (or the code is malformed).</summary>
    public async Task<JstResponse?> FindAsync(string terc, CancellationToken ct)
    {
        try
        {
            return await recruitment.GetJstAsync(terc, ct);
        }
        catch (ApiException missing) when (missing.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest)
        {
            return null;
        }
    }

    /// <summary>The 16 województwa, for the filter; they change with a new TERC edition, so an hour's cache is safe.</summary>
    public async Task<IReadOnlyList<JstResponse>> VoivodeshipsAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync("voivodeships", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            var result = await SearchAsync(new JstQuery(null, JstKinds.Voivodeship, null, null, 100), ct);
            return result.Page?.Items.OrderBy(v => v.Name, StringComparer.Create(new("pl-PL"), false)).ToList() ?? [];
        }) ?? [];
}
